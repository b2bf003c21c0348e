package org.callsforinput.portal.web;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a contributor needs to know about a call's deadline now: how long is left, and, once it has passed, what the
 * call's late policy does with a contribution (received as late, received as late within the grace period, refused).
 */
public record CallFacts(String deadlineUtc, boolean passed, long days, long hours, long minutes, String late) {

    /** {@code late}: {@code ""} before the deadline, else {@code accepted}, {@code grace} or {@code refused}. */
    static CallFacts of(JsonNode call, Instant now) {
        String deadlineText = call.path("deadlineUtc").asText("");
        Instant deadline;
        try {
            deadline = Instant.parse(deadlineText);
        } catch (RuntimeException e) {
            return new CallFacts(deadlineText, false, 0, 0, 0, "");
        }
        Duration left = Duration.between(now, deadline);
        boolean passed = left.isNegative() || left.isZero();
        String late = "";
        if (passed) {
            late = switch (call.path("latePolicy").asText("")) {
                case "ACCEPT_FLAGGED" -> "accepted";
                case "GRACE_PERIOD" -> now.isBefore(deadline.plus(Duration.ofHours(call.path("graceHours").asLong(0))))
                        ? "grace" : "refused";
                default -> "refused";
            };
        }
        Duration shown = passed ? Duration.ZERO : left;
        return new CallFacts(deadlineText, passed, shown.toDays(), shown.toHoursPart(), shown.toMinutesPart(), late);
    }

    /** Whether a contribution sent now would be received (late or not). */
    public boolean accepting() {
        return !"refused".equals(late);
    }
}
