package org.callsforinput.review.rest;

import java.util.Arrays;
import java.util.UUID;

import org.callsforinput.review.ReviewProblems;
import org.callsforinput.platform.problem.ApiException;

/**
 * Query parameters read as text and converted here, so that a wrong value is a 400 problem naming the parameter
 * (JAX-RS would answer a failed conversion of a query parameter with 404).
 */
final class QueryParams {

    private QueryParams() {
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ReviewProblems.INVALID_PARAMETER.exception("Query parameter '" + name + "' must be one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        }
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ReviewProblems.INVALID_PARAMETER.exception("Query parameter '" + name + "' must be a UUID");
        }
    }

    static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ReviewProblems.INVALID_PARAMETER.exception(
                    "Query parameter '" + name + "' must be true or false");
        };
    }
}
