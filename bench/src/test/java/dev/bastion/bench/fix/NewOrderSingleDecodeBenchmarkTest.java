package dev.bastion.bench.fix;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's four decoders each read the order in full (its set-up refuses to run otherwise). */
class NewOrderSingleDecodeBenchmarkTest
{
    @Test
    void shouldDecodeTheSameOrderWithArtioTheGatewayAndQuickFixJ() throws Exception
    {
        final NewOrderSingleDecodeBenchmark benchmark = new NewOrderSingleDecodeBenchmark();
        benchmark.encodeOrder();
        final Blackhole blackhole = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

        assertThat(benchmark.artio()).isTrue();
        assertThat(benchmark.gateway()).isEqualTo(18_894_000_000L);
        assertThat(benchmark.quickFixParse()).isInstanceOf(quickfix.fix44.NewOrderSingle.class);
        benchmark.quickFixParseValidateRead(blackhole);
        blackhole.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
    }
}
