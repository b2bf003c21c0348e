package org.callsforinput.web.pages;

import org.callsforinput.web.api.ServiceException;

/**
 * A service's refusal in the user's language: each application has one (a request-scoped bean), which knows a text for
 * the problem types its users meet and falls back on the service's own words for the others.
 */
public interface ProblemTexts {

    String describe(ServiceException e);
}
