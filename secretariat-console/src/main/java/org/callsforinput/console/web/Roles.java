package org.callsforinput.console.web;

/** The realm roles of the secretariat (docs/architecture.md); contributors have none of them. */
public final class Roles {

    public static final String REVIEWER = "reviewer";
    public static final String COORDINATOR = "coordinator";
    public static final String CALL_MANAGER = "call-manager";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
