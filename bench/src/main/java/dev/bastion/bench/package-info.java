/**
 * JMH micro-benchmarks. Build with {@code mvn -B -pl bench -am package -DskipTests}, then run
 * {@code java -jar bench/target/benchmarks.jar <regex> -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc}.
 */
package dev.bastion.bench;
