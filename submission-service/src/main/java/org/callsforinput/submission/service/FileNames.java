package org.callsforinput.submission.service;

import org.callsforinput.platform.problem.ApiException;

/** Original file names are kept as metadata only, but still refused when they try to be paths or hide characters. */
final class FileNames {

    private FileNames() {
    }

    static void check(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw invalid("A file name is required (query parameter fileName)");
        }
        if (fileName.length() > 255) {
            throw invalid("The file name is longer than 255 characters");
        }
        if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".") || fileName.contains("..")) {
            throw invalid("The file name must not be a path");
        }
        if (fileName.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw invalid("The file name must not contain control or invisible formatting characters");
        }
    }

    private static ApiException invalid(String detail) {
        return ApiException.badRequest("invalid-file-name", detail);
    }
}
