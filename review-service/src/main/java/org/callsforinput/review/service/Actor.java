package org.callsforinput.review.service;

/** Who acts on a case: a user of the realm (by user name), or the system reacting to an event. */
public record Actor(String name, boolean coordinator) {

    public static final Actor SYSTEM = new Actor("system", false);
}
