package org.callsforinput.publication.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** The retry schedule (scaled) and the receiver's Retry-After: when the next attempt happens, if any. */
public final class RetryPolicy {

    private final List<Duration> schedule;
    private final Duration maxRetryAfter;

    public RetryPolicy(List<Duration> schedule, double scale, Duration maxRetryAfter) {
        if (schedule.isEmpty() || !(scale > 0)) {
            throw new IllegalArgumentException("The retry schedule needs at least one attempt and a positive scale");
        }
        this.schedule = schedule.stream().map(d -> Duration.ofNanos(Math.round(d.toNanos() * scale))).toList();
        this.maxRetryAfter = maxRetryAfter;
    }

    static RetryPolicy of(WebhookConfig config) {
        return new RetryPolicy(config.retrySchedule(), config.retryScale(), config.maxRetryAfter());
    }

    /** Attempts in one round of the schedule. */
    public int attempts() {
        return schedule.size();
    }

    /** The delay before the first attempt (normally none). */
    public Duration first() {
        return schedule.get(0);
    }

    /**
     * After {@code attemptsDone} attempts of the round failed: the delay before the next one, at least the
     * receiver's Retry-After (capped); empty when that was the last attempt.
     */
    public Optional<Duration> next(int attemptsDone, Optional<Duration> retryAfter) {
        if (attemptsDone >= schedule.size()) {
            return Optional.empty();
        }
        Duration delay = schedule.get(attemptsDone);
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter.get();
            if (asked.compareTo(delay) > 0) {
                delay = asked;
            }
        }
        return Optional.of(delay);
    }

    /** A Retry-After header: delay-seconds or an HTTP date; empty when absent or unreadable. */
    public static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
            } catch (NumberFormatException e) {
                return Optional.empty(); // more digits than a long: ignored, the cap would apply anyway
            }
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
