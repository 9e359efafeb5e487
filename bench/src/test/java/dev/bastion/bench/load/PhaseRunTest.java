package dev.bastion.bench.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The open-loop accounting of one phase: where each order's clock starts, what is recorded, what is lost. */
class PhaseRunTest
{
    private static final long MS = 1_000_000;

    private final NewOrderSingleTemplate template =
        new NewOrderSingleTemplate("BENCH", "TARGET", "P1-", "BENCH", "AAPL", 19_000);
    private final FixStreamDecoder decoder = new FixStreamDecoder();

    @Test
    void shouldMeasureALateOrderFromItsScheduleAndAnEarlyOneFromItsSend()
    {
        final PhaseRun run = run(0, 2);
        run.onSend(0, 1 * MS, 1 * MS + MS / 2);
        run.onSend(1, 3 * MS, 3 * MS - MS / 10);
        run.published = 2;

        answerNewAndFilled(run, 0, 2 * MS);
        answerNewAndFilled(run, 1, 3 * MS + MS / 10);
        final PhaseResult result = run.result(2, List.of());

        assertThat(result.failures()).isEmpty();
        assertThat(millis(result.newFromIntended().getMaxValue())).isCloseTo(1.0, within(0.01));
        assertThat(millis(result.filledFromIntended().getMinValue())).isCloseTo(0.2, within(0.01));
        assertThat(millis(result.newFromSend().getMaxValue())).isCloseTo(0.5, within(0.01));
        assertThat(millis(result.sendLag().getMaxValue())).isCloseTo(0.5, within(0.01));
        assertThat(result.sendLag().getMinValue()).isZero();
    }

    @Test
    void shouldCountWarmUpOrdersAsAnsweredWithoutRecordingTheirLatency()
    {
        final PhaseRun run = run(1, 3);
        for (int order = 0; order < 3; order++)
        {
            run.onSend(order, order * MS, order * MS);
        }
        run.published = 3;

        for (int order = 0; order < 3; order++)
        {
            answerNewAndFilled(run, order, order * MS + 100 * MS);
        }
        final PhaseResult result = run.result(3, List.of());

        assertThat(result.ok()).isTrue();
        assertThat(result.answered()).isEqualTo(3);
        assertThat(result.measured()).isEqualTo(2);
        assertThat(result.filledFromIntended().getTotalCount()).isEqualTo(2);
        assertThat(result.newFromIntended().getTotalCount()).isEqualTo(2);
    }

    @Test
    void shouldFailThePhaseWithTheOrderNeverAnsweredAndTheOrderRejected()
    {
        final PhaseRun run = run(0, 3);
        for (int order = 0; order < 3; order++)
        {
            run.onSend(order, order * MS, order * MS);
        }
        run.published = 3;

        answerNewAndFilled(run, 0, 5 * MS);
        deliver(run, "35=8|34=4|49=T|56=BENCH|37=O-2|11=P1-0000000002|17=E-2|150=8|39=8|55=AAPL|54=1|" +
            "58=price collar", 6 * MS);
        final PhaseResult result = run.result(3, List.of());

        assertThat(result.lost()).isEqualTo(1);
        assertThat(result.rejected()).isEqualTo(1);
        assertThat(result.failures()).hasSize(2);
        assertThat(result.failures().get(0)).isEqualTo("1 of 3 orders were not answered (first: P1-0000000001)");
        assertThat(result.failures().get(1))
            .startsWith("1 of 3 orders were rejected; first: P1-0000000002: ")
            .contains("price collar");
    }

    private PhaseRun run(final int warmupOrders, final int measuredOrders)
    {
        final PhaseSpec spec = new PhaseSpec(1_000, Duration.ofMillis(warmupOrders),
            Duration.ofMillis(measuredOrders), 1);
        final PhaseRun run = new PhaseRun(spec, template);
        run.firstMeasured = warmupOrders;
        return run;
    }

    private void answerNewAndFilled(final PhaseRun run, final long order, final long nowNs)
    {
        final String clOrdId = template.clOrdId(order);
        deliver(run, "35=8|34=2|49=T|56=BENCH|37=O-" + order + "|11=" + clOrdId + "|17=N-" + order +
            "|150=0|39=0|55=AAPL|54=1", nowNs);
        deliver(run, "35=8|34=3|49=T|56=BENCH|37=O-" + order + "|11=" + clOrdId + "|17=F-" + order +
            "|150=F|39=2|55=AAPL|54=1", nowNs);
    }

    private void deliver(final PhaseRun run, final String fields, final long nowNs)
    {
        final FixMessageBuilder builder = new FixMessageBuilder("FIX.4.4", 512);
        for (final String field : fields.split("\\|"))
        {
            final int equals = field.indexOf('=');
            builder.field(Integer.parseInt(field.substring(0, equals)), field.substring(equals + 1));
        }
        builder.finish();
        decoder.decode(builder.buffer(), builder.offset(), builder.length(),
            message -> run.onExecutionReport(message, nowNs));
    }

    private static double millis(final long nanos)
    {
        return nanos / (double)MS;
    }
}
