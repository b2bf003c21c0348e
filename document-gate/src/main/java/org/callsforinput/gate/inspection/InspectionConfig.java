package org.callsforinput.gate.inspection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits the document gate's inspector applies to archives (OOXML and ODF are zip files); the same for every channel. */
@ConfigMapping(prefix = "documents.inspection")
public interface InspectionConfig {

    /** Most entries a zip's central directory may list. */
    @WithDefault("10000")
    int maxEntries();

    /** Highest declared uncompressed : compressed ratio, per entry and for the whole file. */
    @WithDefault("100")
    int maxCompressionRatio();

    /**
     * Most bytes one entry, or all entries together, may declare once unpacked (1 GiB). Every part is inflated (and
     * stopped) at its declared size, so this also bounds what the inspector inflates.
     */
    @WithDefault("1073741824")
    long maxUnpackedBytes();
}
