package org.callsforinput.console.web;

import jakarta.enterprise.context.RequestScoped;

import org.callsforinput.web.pages.PageFrame;
import org.callsforinput.web.pages.Pages;

import io.quarkus.qute.TemplateInstance;

/** The console's navigation: what the signed-in user's roles let them do. */
@RequestScoped
public class ConsoleFrame implements PageFrame {

    private final Pages pages;

    public ConsoleFrame(Pages pages) {
        this.pages = pages;
    }

    @Override
    public void addTo(TemplateInstance page) {
        page.data("reviewer", pages.is(Roles.REVIEWER))
                .data("coordinator", pages.is(Roles.COORDINATOR))
                .data("callManager", pages.is(Roles.CALL_MANAGER))
                .data("admin", pages.is(Roles.ADMIN))
                .data("internal", pages.is(Roles.REVIEWER) || pages.is(Roles.COORDINATOR) || pages.is(Roles.CALL_MANAGER)
                        || pages.is(Roles.ADMIN));
    }
}
