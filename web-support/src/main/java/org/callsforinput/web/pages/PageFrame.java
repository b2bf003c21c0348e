package org.callsforinput.web.pages;

import io.quarkus.qute.TemplateInstance;

/** What an application adds to the frame of every page it renders, e.g. its navigation for the user's roles. */
public interface PageFrame {

    void addTo(TemplateInstance page);
}
