package dev.bastion.cli.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bastion.cli.BastionCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/** {@code bastion analyze} on the sample in docs/examples (the README's command) and on files made here. */
class AnalyzeCommandTest
{
    private static final Path SAMPLE_PRICES = Path.of("..", "docs", "examples", "prices.csv");
    private static final Path SAMPLE_POSITIONS = Path.of("..", "docs", "examples", "positions.csv");

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args)
    {
        final CommandLine commandLine = BastionCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private JsonNode json(final String... args) throws IOException
    {
        final String[] withJson = new String[args.length + 1];
        System.arraycopy(args, 0, withJson, 0, args.length);
        withJson[args.length] = "--json";
        assertThat(run(withJson)).as(err.toString()).isZero();
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void shouldPrintVarCorrelationAndReturnAnalyticsOfTheReadmeSample()
    {
        final int exit = run("analyze", SAMPLE_PRICES.toString(), "--positions", SAMPLE_POSITIONS.toString());

        assertThat(exit).as(err.toString()).isZero();
        final String text = out.toString();
        assertThat(text).contains("4 symbols, 251 rows 2025-01-02 .. 2025-12-31, prices (detected:");
        assertThat(text).contains("(quantities at the last prices)");
        assertThat(text).containsPattern("historical +95% +[0-9,.]+ +[0-9,.]+");
        assertThat(text).containsPattern("parametric +99% +[0-9,.]+ +[0-9,.]+");
        assertThat(text).containsPattern("monte carlo +99% +[0-9,.]+ +[0-9,.]+");
        assertThat(text).contains("above 0.70  TECHA/TECHB");
        assertThat(text).contains("diversification ratio");
        assertThat(text).containsPattern("portfolio +-?[0-9.]+%");
    }

    @Test
    void shouldReportEveryMethodAtEveryConfidenceAsJson() throws IOException
    {
        final JsonNode report = json("analyze", SAMPLE_PRICES.toString(), "--positions", SAMPLE_POSITIONS.toString());

        final JsonNode estimates = report.at("/valueAtRisk/estimates");
        assertThat(estimates).hasSize(6);
        for (final JsonNode estimate : estimates)
        {
            assertThat(estimate.get("valueAtRisk").asDouble()).isPositive();
            assertThat(estimate.get("expectedShortfall").asDouble())
                .isGreaterThanOrEqualTo(estimate.get("valueAtRisk").asDouble());
        }
        // the Monte Carlo figure of a linear portfolio converges to the parametric one
        assertThat(estimates.get(5).get("valueAtRisk").asDouble())
            .isCloseTo(estimates.get(4).get("valueAtRisk").asDouble(), withinPercentage(5));
        assertThat(report.at("/portfolio/exposures/TECHA").asDouble()).isEqualTo(1000 * 179.15);
        assertThat(report.at("/correlation/matrix/TECHA/TECHB").asDouble())
            .isEqualTo(report.at("/correlation/matrix/TECHB/TECHA").asDouble());
        assertThat(report.at("/returnAnalytics/bySymbol/OILCO/observations").asInt()).isEqualTo(250);
    }

    @Test
    void shouldMatchEmpyricalsFiguresForAReturnsFile() throws IOException
    {
        final Path returns = write("returns.csv", """
            date,STRAT
            2025-01-01,0.01
            2025-01-02,0.10
            2025-01-03,-0.04
            2025-01-06,0.02
            2025-01-07,0.03
            2025-01-08,0.02
            2025-01-09,0.01
            2025-01-10,-0.10
            """);

        final JsonNode report = json("analyze", returns.toString(), "--value", "1000");

        assertThat(report.at("/input/kind").asText()).isEqualTo("returns");
        final JsonNode portfolio = report.at("/returnAnalytics/portfolio");
        assertThat(portfolio.get("sharpe").asDouble()).isCloseTo(1.7238613961706866, within(1e-12));
        assertThat(portfolio.get("sortino").asDouble()).isCloseTo(2.605531251673693, within(1e-12));
        assertThat(report.at("/returnAnalytics/portfolio/maxDrawdown").asDouble()).isCloseTo(-0.10, within(1e-12));
        // 8 days at 99%: the worst day, -10% of 1,000
        assertThat(report.at("/valueAtRisk/estimates/3/valueAtRisk").asDouble()).isCloseTo(100, within(1e-9));
        assertThat(report.at("/correlation").isMissingNode()).isTrue();
    }

    @Test
    void shouldNameTheLineAndColumnOfAValueThatIsNotANumber() throws IOException
    {
        final Path bad = write("bad.csv", """
            date,AAA,BBB
            2025-01-02,10.0,20.0
            2025-01-03,10.5,20.5

            2025-01-06,11.0,2O.9
            """);

        assertThat(run("analyze", bad.toString())).isEqualTo(2);
        assertThat(err.toString().trim()).isEqualTo("bastion: " + bad + " line 5: column BBB: '2O.9' is not a number");
    }

    @Test
    void shouldNameTheLineOfARowWithTheWrongNumberOfValues() throws IOException
    {
        final Path ragged = write("ragged.csv", "date,AAA,BBB\n2025-01-02,10,20\n2025-01-03,11\n2025-01-06,12,21\n");

        assertThat(run("analyze", ragged.toString())).isEqualTo(2);
        assertThat(err.toString().trim()).isEqualTo(
            "bastion: " + ragged + " line 3: 2 value(s), the header has 3 columns");
    }

    @Test
    void shouldNameTheLineOfADateOutOfOrder() throws IOException
    {
        final Path unordered = write("unordered.csv", "date,AAA\n2025-01-02,10\n2025-01-06,11\n2025-01-03,12\n");

        assertThat(run("analyze", unordered.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(unordered + " line 4: date 2025-01-03 is not after the previous " +
            "row's 2025-01-06");
    }

    @Test
    void shouldAskForAFlagWhenItCannotTellPricesFromReturns() throws IOException
    {
        final Path cheap = write("cheap.csv", "date,COIN\n2025-01-02,0.5\n2025-01-03,0.52\n2025-01-06,0.49\n");

        assertThat(run("analyze", cheap.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot tell whether the columns are prices or returns " +
            "(every value is between 0 and 1): pass --prices or --returns");

        out.getBuffer().setLength(0);
        assertThat(run("analyze", cheap.toString(), "--prices")).isZero();
        assertThat(out.toString()).contains("prices (as given by --prices)");
    }

    @Test
    void shouldRefuseAPositionInASymbolTheSeriesDoesNotHave() throws IOException
    {
        final Path positions = write("positions.csv", "symbol,value\nTECHA,1000\nNOPE,500\n");

        assertThat(run("analyze", SAMPLE_PRICES.toString(), "--positions", positions.toString())).isEqualTo(2);
        assertThat(err.toString().trim()).isEqualTo(
            "bastion: " + positions + " line 3: symbol NOPE is not a column of " + SAMPLE_PRICES);
    }

    @Test
    void shouldReportMalformedQuotingWithItsLine() throws IOException
    {
        final Path quoted = write("quoted.csv", "date,AAA\n2025-01-02,\"1\"0\n");

        assertThat(run("analyze", quoted.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(quoted + ": ").contains("line: 2");
    }

    @Test
    void shouldSayWhenTheFileIsMissing()
    {
        assertThat(run("analyze", "no-such.csv")).isEqualTo(2);
        assertThat(err.toString().trim()).isEqualTo("bastion: no-such.csv: no such file");
    }

    private Path write(final String name, final String content) throws IOException
    {
        return Files.writeString(directory.resolve(name), content);
    }
}
