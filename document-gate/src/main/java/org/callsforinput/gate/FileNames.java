package org.callsforinput.gate;

import java.text.Normalizer;

import org.callsforinput.platform.problem.ApiException;

/**
 * The one file-name rule of the platform, for every name that can reach a page, a download or an event: an uploaded
 * document's, a redacted copy's, a later channel's attachment's. Names are metadata only (objects are stored under
 * keys the platform makes), but they are shown to the public, so they must not be paths or hide characters.
 */
public final class FileNames {

    /** Longest accepted name, in characters after normalisation (the limit of common file systems). */
    public static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    /**
     * The name as it will be kept: stripped of surrounding white space and in Unicode NFC, so that one name has one
     * spelling (an "é" typed as e + combining accent and as one character are the same name).
     *
     * @throws ApiException 400 {@code invalid-file-name}: blank, too long, a path ({@code /}, {@code \}, {@code .},
     *         {@code ..}, a leading dot), or with a control, line-separator or invisible formatting character (Unicode
     *         category Cf: bidirectional overrides such as U+202E, zero-width characters, the byte-order mark)
     */
    public static String check(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw invalid("A file name is required");
        }
        String name = Normalizer.normalize(fileName.strip(), Normalizer.Form.NFC);
        if (name.length() > MAX_LENGTH) {
            throw invalid("The file name is longer than " + MAX_LENGTH + " characters");
        }
        // Checked before the path rule: an override character could otherwise disguise a path's shape.
        if (name.codePoints().anyMatch(FileNames::hidden)) {
            throw invalid("The file name must not contain control characters or invisible formatting characters"
                    + " (such as a right-to-left override); rename the file and upload it again");
        }
        if (name.contains("/") || name.contains("\\") || name.startsWith(".") || name.contains("..")) {
            throw invalid("The file name must be a plain name, not a path (no /, \\, leading dot or ..)");
        }
        return name;
    }

    private static boolean hidden(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE;
    }

    private static ApiException invalid(String detail) {
        return GateProblems.INVALID_FILE_NAME.exception(detail);
    }
}
