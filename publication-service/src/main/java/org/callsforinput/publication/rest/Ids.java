package org.callsforinput.publication.rest;

import java.util.UUID;
import java.util.regex.Pattern;

import org.callsforinput.publication.PublicationProblems;
import org.callsforinput.platform.problem.PlatformProblems;
import org.callsforinput.platform.problem.ApiException;

/** Public ids are UUIDs and nothing else: a path, a dot or an encoded slash never gets past here. */
final class Ids {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    static UUID parse(String id, String what) {
        if (id == null || !UUID_TEXT.matcher(id).matches()) {
            throw PublicationProblems.MALFORMED_ID.exception("A " + what + " id is a UUID");
        }
        return UUID.fromString(id);
    }

    static ApiException notFound(String what, UUID id) {
        return PlatformProblems.NOT_FOUND.exception("There is no published " + what + " " + id);
    }

    static ApiException gone(String what, UUID id) {
        return PublicationProblems.RETRACTED.exception(
                "The " + what + " " + id + " was published and has been retracted");
    }
}
