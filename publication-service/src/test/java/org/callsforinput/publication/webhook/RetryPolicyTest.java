package org.callsforinput.publication.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final List<Duration> SPEC = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    private final RetryPolicy policy = new RetryPolicy(SPEC, 1, Duration.ofHours(24));

    @Test
    void followsTheScheduleThenGivesUpAfterTheLastAttempt() {
        assertThat(policy.attempts()).isEqualTo(8);
        assertThat(policy.first()).isZero();
        assertThat(policy.next(1, Optional.empty())).contains(Duration.ofSeconds(5));
        assertThat(policy.next(2, Optional.empty())).contains(Duration.ofMinutes(5));
        assertThat(policy.next(7, Optional.empty())).contains(Duration.ofHours(10));
        assertThat(policy.next(8, Optional.empty())).isEmpty();
    }

    @Test
    void scaleShrinksEveryDelay() {
        RetryPolicy tiny = new RetryPolicy(SPEC, 0.001, Duration.ofHours(24));
        assertThat(tiny.next(1, Optional.empty())).contains(Duration.ofMillis(5));
        assertThat(tiny.next(3, Optional.empty())).contains(Duration.ofMillis(1800));
    }

    @Test
    void retryAfterWinsWhenLongerAndIsCapped() {
        assertThat(policy.next(1, Optional.of(Duration.ofSeconds(60)))).contains(Duration.ofSeconds(60));
        assertThat(policy.next(2, Optional.of(Duration.ofSeconds(60)))).contains(Duration.ofMinutes(5));
        assertThat(policy.next(1, Optional.of(Duration.ofDays(30)))).contains(Duration.ofHours(24));
        assertThat(policy.next(8, Optional.of(Duration.ofSeconds(1)))).isEmpty();
    }

    @Test
    void readsRetryAfterAsSecondsOrHttpDate() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(120).atOffset(ZoneOffset.UTC));

        assertThat(RetryPolicy.parseRetryAfter("120", now)).contains(Duration.ofSeconds(120));
        assertThat(RetryPolicy.parseRetryAfter(inTwoMinutes, now)).contains(Duration.ofSeconds(120));
        String anHourAgo = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.minusSeconds(3600).atOffset(ZoneOffset.UTC));
        assertThat(RetryPolicy.parseRetryAfter(anHourAgo, now)).contains(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter("soon", now)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter("-5", now)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter(null, now)).isEmpty();
    }
}
