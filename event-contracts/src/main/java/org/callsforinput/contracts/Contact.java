package org.callsforinput.contracts;

/** Personal data of the submission's contact person. Internal only: never in a public output. */
public record Contact(String name, String email) {
}
