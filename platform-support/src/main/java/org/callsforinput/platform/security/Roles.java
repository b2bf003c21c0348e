package org.callsforinput.platform.security;

/** The realm roles of the platform (Keycloak realm {@code calls}). */
public final class Roles {

    public static final String CONTRIBUTOR = "contributor";
    public static final String REVIEWER = "reviewer";
    public static final String COORDINATOR = "coordinator";
    public static final String CALL_MANAGER = "call-manager";
    public static final String ADMIN = "admin";
    /** The mail-intake service account: submits on behalf of e-mail senders (channel EMAIL). */
    public static final String MAIL_INTAKE = "mail-intake";
    /** A person or organisation that registered itself: its own organisation (given with {@link #CONTRIBUTOR}). */
    public static final String INDIVIDUAL = "individual";

    /** The token claim naming the contributor's organisation. */
    public static final String ORGANISATION_CLAIM = "org_id";
    public static final String ORGANISATION_NAME_CLAIM = "org_name";

    private Roles() {
    }
}
