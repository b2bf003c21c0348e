package org.callsforinput.publication.service;

/** File names are metadata from outside: a public name is a plain name, never a path, without hidden characters. */
final class FileNames {

    private static final int MAX = 255;

    private FileNames() {
    }

    static String publicName(String fileName) {
        if (fileName == null) {
            return "document";
        }
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(clean::appendCodePoint);
        name = clean.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            return "document";
        }
        return name.length() > MAX ? name.substring(0, MAX) : name;
    }
}
