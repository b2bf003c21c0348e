package org.callsforinput.stack;

/** What the launcher starts, and where it keeps its state. */
enum Mode {
    /** Infrastructure and the three services. */
    RUN("run", true),
    /** The infrastructure of RUN (same ports, same data) for running one service with mvn quarkus:dev. */
    INFRA("run", false),
    /** Throwaway infrastructure on other ports for mvn verify; Kafka and S3 data are wiped at each start. */
    TEST("test", false);

    private final String stateDirName;
    private final boolean services;

    Mode(String stateDirName, boolean services) {
        this.stateDirName = stateDirName;
        this.services = services;
    }

    String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    String stateDirName() {
        return stateDirName;
    }

    boolean startsServices() {
        return services;
    }

    boolean isTest() {
        return this == TEST;
    }
}
