package org.callsforinput.submission.service;

/** The caller on the partner side: the organisation named by the token, and the token's subject. */
public record Contributor(String organisationId, String organisationName, String subject) {
}
