package org.callsforinput.portal.web;

import jakarta.enterprise.context.RequestScoped;

import org.callsforinput.web.pages.PageFrame;
import org.callsforinput.web.pages.Pages;

import io.quarkus.qute.TemplateInstance;

/** The portal's navigation: "My contributions" once signed in as a contributor. */
@RequestScoped
public class PortalFrame implements PageFrame {

    static final String CONTRIBUTOR = "contributor";

    private final Pages pages;

    public PortalFrame(Pages pages) {
        this.pages = pages;
    }

    @Override
    public void addTo(TemplateInstance page) {
        page.data("contributor", pages.is(CONTRIBUTOR));
    }
}
