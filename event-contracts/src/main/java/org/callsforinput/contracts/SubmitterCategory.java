package org.callsforinput.contracts;

/** Who submits; the public pages group contributions by it, in this order. */
public enum SubmitterCategory {
    STATE,
    NHRI,
    INTERGOVERNMENTAL_OR_UN,
    CIVIL_SOCIETY,
    ACADEMIA,
    INDIVIDUAL,
    OTHER
}
