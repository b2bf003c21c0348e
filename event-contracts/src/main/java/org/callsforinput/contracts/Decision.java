package org.callsforinput.contracts;

/** A review decision on a case. Only the first two lead to publication, and only with the contributor's consent. */
public enum Decision {
    PUBLISH,
    PUBLISH_REDACTED,
    CONSIDER_WITHOUT_PUBLISHING,
    OUT_OF_MANDATE;

    public boolean publishes() {
        return this == PUBLISH || this == PUBLISH_REDACTED;
    }
}
