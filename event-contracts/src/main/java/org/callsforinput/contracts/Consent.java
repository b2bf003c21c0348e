package org.callsforinput.contracts;

/** The contributor's publication consent. */
public enum Consent {
    PUBLISH_IN_FULL,
    PUBLISH_WITHOUT_NAME,
    DO_NOT_PUBLISH
}
