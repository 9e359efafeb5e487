package dev.bastion.bench.load;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generator against real targets over loopback, in this JVM: every order answered, and a lost one reported. */
class FixLoadClientTest
{
    private static final PhaseSpec OPEN_LOOP = new PhaseSpec(2_000, Duration.ofMillis(500), Duration.ofSeconds(1), 1);
    private static final PhaseSpec MAX =
        new PhaseSpec(PhaseSpec.MAX, Duration.ofMillis(500), Duration.ofSeconds(1), 50);

    @Test
    void shouldGetEveryOrderAnsweredByTheTcpEchoOpenLoopAndAtMaxThroughput() throws Exception
    {
        try (TcpEchoServer echo = TcpEchoServer.start("127.0.0.1", 0);
            FixLoadClient client = FixLoadClient.connect(clientOf(echo.port(), "ECHO")))
        {
            final PhaseResult openLoop = client.run(OPEN_LOOP, "P1-");
            final PhaseResult max = client.run(MAX, "P2-");

            assertAllAnswered(openLoop);
            assertThat(openLoop.sent()).isEqualTo(3_000);
            assertThat(openLoop.measured()).isEqualTo(2_000);
            assertThat(openLoop.filledFromIntended().getTotalCount()).isEqualTo(2_000);
            assertAllAnswered(max);
            assertThat(max.measured()).isPositive().isLessThan(max.sent());
            assertThat(max.filledFromSend().getTotalCount()).isEqualTo(max.measured());
            assertThat(client.disconnected()).isNull();
        }
    }

    @Test
    void shouldGetEveryOrderAnsweredByTheBareQuickFixAcceptor() throws Exception
    {
        try (BareQuickFixAcceptor acceptor = BareQuickFixAcceptor.start("127.0.0.1", 0, "BENCH");
            FixLoadClient client = FixLoadClient.connect(clientOf(acceptor.port(), BareQuickFixAcceptor.COMP_ID)))
        {
            final PhaseResult openLoop = client.run(OPEN_LOOP, "P1-");
            final PhaseResult max = client.run(MAX, "P2-");

            assertAllAnswered(openLoop);
            assertThat(openLoop.newFromIntended().getTotalCount()).isEqualTo(2_000);
            assertThat(openLoop.filledFromIntended().getTotalCount()).isEqualTo(2_000);
            // The Filled report follows the New one: its latency cannot be the lower of the two.
            assertThat(openLoop.filledFromIntended().getValueAtPercentile(50))
                .isGreaterThanOrEqualTo(openLoop.newFromIntended().getValueAtPercentile(50));
            assertAllAnswered(max);
        }
    }

    @Test
    void shouldFailThePhaseNamingTheOrderThatWasNeverAnswered() throws Exception
    {
        try (TcpEchoServer lossy = TcpEchoServer.start("127.0.0.1", 0, order -> order != 1_234);
            FixLoadClient client =
                FixLoadClient.connect(clientOf(lossy.port(), "ECHO").drainTimeout(Duration.ofSeconds(1))))
        {
            final PhaseResult result = client.run(OPEN_LOOP, "P1-");

            assertThat(result.ok()).isFalse();
            assertThat(result.lost()).isEqualTo(1);
            assertThat(result.failures())
                .containsExactly("1 of 3000 orders were not answered (first: P1-0000001234)");
        }
    }

    @Test
    void shouldSayWhyTheLogonFailedWhenTheTargetDoesNotKnowTheGenerator() throws Exception
    {
        try (BareQuickFixAcceptor acceptor = BareQuickFixAcceptor.start("127.0.0.1", 0, "SOMEONE-ELSE"))
        {
            final LoadClientConfiguration configuration = clientOf(acceptor.port(), BareQuickFixAcceptor.COMP_ID)
                .logonTimeout(Duration.ofSeconds(10));
            assertThatThrownBy(() -> FixLoadClient.connect(configuration))
                .isInstanceOf(IOException.class)
                .hasMessage("Logon to QFJ at 127.0.0.1:" + acceptor.port() +
                    " failed: the target closed the connection");
        }
    }

    @Test
    void shouldSayWhereItCouldNotConnect() throws Exception
    {
        final int closedPort = BastionTarget.freePort();
        assertThatThrownBy(() -> FixLoadClient.connect(clientOf(closedPort, "ECHO")))
            .isInstanceOf(IOException.class)
            .hasMessageStartingWith("cannot connect to 127.0.0.1:" + closedPort);
    }

    private static LoadClientConfiguration clientOf(final int port, final String targetCompId)
    {
        return new LoadClientConfiguration().port(port).senderCompId("BENCH").targetCompId(targetCompId)
            .drainTimeout(Duration.ofSeconds(10));
    }

    private static void assertAllAnswered(final PhaseResult result)
    {
        assertThat(result.failures()).isEmpty();
        assertThat(result.lost()).isZero();
        assertThat(result.answered()).isEqualTo(result.sent());
        assertThat(result.filled()).isEqualTo(result.sent());
        assertThat(result.acknowledged()).isEqualTo(result.sent());
        assertThat(result.rejected()).isZero();
        assertThat(result.achievedRate()).isPositive();
    }
}
