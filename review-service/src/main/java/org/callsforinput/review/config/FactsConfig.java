package org.callsforinput.review.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Reading documents for their facts and cleaning their metadata. */
@ConfigMapping(prefix = "review.facts")
public interface FactsConfig {

    /**
     * No part of a document's package may inflate to more than this while its facts are read or its cleaned copy is
     * written (the XML parts of real Word documents stay far below; a part that lies about its size is stopped).
     */
    @WithDefault("268435456")
    long maxPartSize();
}
