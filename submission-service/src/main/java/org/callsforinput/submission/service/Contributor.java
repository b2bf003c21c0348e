package org.callsforinput.submission.service;

/** The caller on the partner side: the organisation named by the token, and the token's subject. */
public record Contributor(String organisationId, String organisationName, String subject) {

    /** The organisation id of a self-registered contributor (role individual): this prefix and the token's subject. */
    public static final String INDIVIDUAL_PREFIX = "individual:";
}
