package org.callsforinput.submission.inspection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits the document inspector applies to archives (OOXML and ODF are zip files). */
@ConfigMapping(prefix = "submission.inspection")
public interface InspectionConfig {

    /** Most entries a zip's central directory may list. */
    @WithDefault("10000")
    int maxEntries();

    /** Highest declared uncompressed : compressed ratio, per entry and for the whole file. */
    @WithDefault("100")
    int maxCompressionRatio();

    /** Most bytes one entry, or all entries together, may declare once unpacked (1 GiB). */
    @WithDefault("1073741824")
    long maxUnpackedBytes();

    /** Most bytes of any one part the inspector reads into memory, such as [Content_Types].xml (1 MiB). */
    @WithDefault("1048576")
    int maxPartBytes();
}
