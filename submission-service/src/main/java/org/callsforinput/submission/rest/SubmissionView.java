package org.callsforinput.submission.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.callsforinput.contracts.Consent;
import org.callsforinput.contracts.Contact;
import org.callsforinput.contracts.Hyperlink;
import org.callsforinput.contracts.SubmitterCategory;
import org.callsforinput.submission.entity.Document;
import org.callsforinput.submission.entity.Submission;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A submission as its own organisation sees it. */
public record SubmissionView(
        @Schema(examples = "5017930d-eb6b-4af2-8680-ae55c569a515") UUID id,
        @Schema(examples = "0bf49d07-74cd-4f84-b57c-b1d8b8f664d6") UUID callId,
        @Schema(examples = "RECEIVED") Submission.Status status,
        @Schema(description = "Receipt reference, given on submission; null for a draft", examples = "EMLER-2023-0042")
        String reference,
        @Schema(description = "When the submission was received; null for a draft", examples = "2023-05-10T14:03:11.532Z")
        Instant receivedAt,
        @Schema(description = "Received after the deadline (accepted by the call's late policy)", examples = "false")
        boolean late,
        @Schema(description = "Null for a contribution by e-mail: the sender is its contact, reviewers name the organisation",
                examples = "Observatoire des droits humains") String organisationName,
        @Schema(examples = "NHRI") SubmitterCategory submitterCategory,
        @Schema(examples = "FR") String country,
        @Schema(examples = """
                {"name": "Camille Martin", "email": "camille.martin@example.org"}""") Contact contact,
        @Schema(examples = "fr") String language,
        @Schema(examples = "[\"accountability\", \"racial-profiling\"]") List<String> themes,
        @Schema(examples = "Contribution on racial profiling in policing") String title,
        @Schema(examples = "Findings from 2022 field monitoring of identity checks in three French cities.") String summary,
        @Schema(examples = """
                [{"url": "https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006071154", "label": "Code de procédure pénale",
                  "kind": "legislation"}]""") List<Hyperlink> links,
        @Schema(examples = "[\"Ligue des droits de l'Homme\"]") List<String> coSubmitters,
        @Schema(examples = "PUBLISH_IN_FULL") Consent consent,
        List<DocumentView> documents,
        @Schema(description = "API, or EMAIL for a contribution that arrived by e-mail (sender unverified)", examples = "API")
        Submission.Channel channel,
        @Schema(examples = "2023-05-08T09:21:37.004Z") Instant createdAt,
        @Schema(examples = "2023-05-10T14:03:11.532Z") Instant updatedAt) {

    static SubmissionView of(Submission s, List<Document> documents) {
        return new SubmissionView(s.id, s.callId, s.status, s.reference, s.receivedAt, s.late, s.organisationName,
                s.submitterCategory, s.country, new Contact(s.contactName, s.contactEmail), s.language, s.themes,
                s.title, s.summary, s.links, s.coSubmitters, s.consent,
                documents.stream().map(DocumentView::of).toList(), s.channel, s.createdAt, s.updatedAt);
    }
}
