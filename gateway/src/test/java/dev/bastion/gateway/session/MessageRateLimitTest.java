package dev.bastion.gateway.session;

import dev.bastion.gateway.config.ThrottleConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageRateLimitTest
{
    private static final long MS = 1_000_000L;

    @Test
    void acceptsUpToTheLimitWithinOneWindowAndRefusesTheNext()
    {
        final MessageRateLimit limit = new MessageRateLimit(new ThrottleConfiguration(3, 1_000));

        assertThat(limit.tryAcquire(0)).isTrue();
        assertThat(limit.tryAcquire(10 * MS)).isTrue();
        assertThat(limit.tryAcquire(20 * MS)).isTrue();
        assertThat(limit.tryAcquire(30 * MS)).isFalse();
        assertThat(limit.tryAcquire(999 * MS)).isFalse();
    }

    @Test
    void theWindowSlidesSoAMessageIsAcceptedOnceTheOldestLeavesIt()
    {
        final MessageRateLimit limit = new MessageRateLimit(new ThrottleConfiguration(2, 1_000));
        limit.tryAcquire(0);
        limit.tryAcquire(600 * MS);

        assertThat(limit.tryAcquire(1_000 * MS)).isTrue();
        // 600 and 1000 are both within the window ending at 1500.
        assertThat(limit.tryAcquire(1_500 * MS)).isFalse();
        assertThat(limit.tryAcquire(1_600 * MS)).isTrue();
    }

    @Test
    void refusedMessagesDoNotUseUpTheAllowance()
    {
        final MessageRateLimit limit = new MessageRateLimit(new ThrottleConfiguration(1, 100));
        limit.tryAcquire(0);
        for (int i = 1; i < 10; i++)
        {
            assertThat(limit.tryAcquire(i * 5 * MS)).isFalse();
        }

        assertThat(limit.tryAcquire(100 * MS)).isTrue();
    }

    @Test
    void acrossAFixedWindowEdgeNoMoreThanTheLimitGetsThrough()
    {
        final MessageRateLimit limit = new MessageRateLimit(new ThrottleConfiguration(5, 1_000));
        int accepted = 0;
        // 10 messages between 900 ms and 1100 ms: a fixed one-second window would take all ten.
        for (int i = 0; i < 10; i++)
        {
            if (limit.tryAcquire((900 + i * 20) * MS))
            {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(5);
    }
}
