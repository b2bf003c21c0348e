package org.callsforinput.platform.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * A module's problem types, found with {@link ServiceLoader}: each catalogue enum has a nested {@code Catalogue}
 * listed in its module's {@code META-INF/services/org.callsforinput.platform.problem.ProblemCatalogue}.
 */
public interface ProblemCatalogue {

    List<? extends ProblemType> types();

    /**
     * Every type of every catalogue on the class path, by slug. A slug defined twice is an error: the same type has
     * one status and one title everywhere.
     */
    static Map<String, ProblemType> all() {
        Map<String, ProblemType> bySlug = new LinkedHashMap<>();
        List<ClassLoader> loaders = new ArrayList<>();
        if (Thread.currentThread().getContextClassLoader() != null) {
            loaders.add(Thread.currentThread().getContextClassLoader());
        }
        loaders.add(ProblemCatalogue.class.getClassLoader());
        for (ClassLoader loader : loaders) {
            for (ProblemCatalogue catalogue : ServiceLoader.load(ProblemCatalogue.class, loader)) {
                for (ProblemType type : catalogue.types()) {
                    ProblemType known = bySlug.putIfAbsent(type.slug(), type);
                    if (known != null && known.getClass() != type.getClass()) {
                        throw new IllegalStateException("Problem type " + type.slug() + " is defined twice: in "
                                + known.getClass().getName() + " and " + type.getClass().getName());
                    }
                }
            }
        }
        return bySlug;
    }
}
