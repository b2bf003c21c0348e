package org.callsforinput.mailintake.reply;

import java.util.List;
import java.util.Map;

/**
 * The fixed sentences of the replies, per language of a call (en, fr, es). A reply carries every language of its call,
 * the call's first language first; data (references, names, hashes) is never translated.
 */
final class ReplyTexts {

    record Texts(String received, String reference, String receivedAt, String onTime, String late, String files,
                 String refusedFiles, String receiptAttached, String consent, String changeConsentPortal,
                 String changeConsentKeyword, String withdraw, String rejected, String rejectedWhy, String needsWord,
                 String notes, String requestForwarded) {
    }

    private static final Map<String, Texts> TEXTS = Map.of(
            "en", new Texts(
                    "Your contribution to the call \"%s\" was received.",
                    "Reference", "Received at", "On time", "Late (after the deadline; accepted under the call's late policy)",
                    "Files received (name, bytes, SHA-256):",
                    "Files not accepted:",
                    "The signed receipt is attached (receipt.json; its \"jws\" verifies against the platform's public keys at %s/.well-known/jwks.json).",
                    "Publication choice: %s (the call's default).",
                    "To change it, sign in at %s.",
                    "To change it, reply to this mail with the word CONSENT and your choice (publish in full, publish without our name, do not publish).",
                    "To withdraw your contribution, reply to this mail with the word WITHDRAW and the reference %s.",
                    "Your mail to the call \"%s\" could not be taken as a contribution.",
                    "Reason:",
                    "A contribution needs a document in Word format (.docx or .doc) attached to the mail.",
                    "Also note:",
                    "Your request about an earlier contribution was forwarded to the secretariat of the call \"%s\", which will confirm it with you."),
            "fr", new Texts(
                    "Votre contribution à l'appel « %s » a bien été reçue.",
                    "Référence", "Reçue le", "Dans les délais", "En retard (après la date limite ; acceptée selon les règles de l'appel)",
                    "Fichiers reçus (nom, octets, SHA-256) :",
                    "Fichiers non acceptés :",
                    "Le récépissé signé est joint (receipt.json ; son « jws » se vérifie avec les clés publiques de la plateforme : %s/.well-known/jwks.json).",
                    "Choix de publication : %s (par défaut pour cet appel).",
                    "Pour le modifier, connectez-vous sur %s.",
                    "Pour le modifier, répondez à ce message avec le mot CONSENT et votre choix (publier en entier, publier sans notre nom, ne pas publier).",
                    "Pour retirer votre contribution, répondez à ce message avec le mot WITHDRAW et la référence %s.",
                    "Votre message à l'appel « %s » n'a pas pu être pris comme contribution.",
                    "Motif :",
                    "Une contribution doit comporter un document Word (.docx ou .doc) joint au message.",
                    "À noter aussi :",
                    "Votre demande concernant une contribution antérieure a été transmise au secrétariat de l'appel « %s », qui vous la confirmera."),
            "es", new Texts(
                    "Se ha recibido su contribución a la convocatoria «%s».",
                    "Referencia", "Recibida el", "A tiempo", "Fuera de plazo (aceptada según las reglas de la convocatoria)",
                    "Archivos recibidos (nombre, bytes, SHA-256):",
                    "Archivos no aceptados:",
                    "Se adjunta el acuse firmado (receipt.json; su «jws» se verifica con las claves públicas de la plataforma en %s/.well-known/jwks.json).",
                    "Opción de publicación: %s (la predeterminada de la convocatoria).",
                    "Para cambiarla, inicie sesión en %s.",
                    "Para cambiarla, responda a este mensaje con la palabra CONSENT y su opción (publicar íntegramente, publicar sin nuestro nombre, no publicar).",
                    "Para retirar su contribución, responda a este mensaje con la palabra WITHDRAW y la referencia %s.",
                    "Su mensaje a la convocatoria «%s» no pudo tomarse como contribución.",
                    "Motivo:",
                    "Una contribución necesita un documento en formato Word (.docx o .doc) adjunto al mensaje.",
                    "Tenga en cuenta también:",
                    "Su solicitud sobre una contribución anterior se ha remitido a la secretaría de la convocatoria «%s», que se la confirmará."));

    private ReplyTexts() {
    }

    /** The call's languages that have texts, in the call's order; English when none has. */
    static List<String> languages(List<String> callLanguages) {
        List<String> known = callLanguages.stream().filter(TEXTS::containsKey).distinct().toList();
        return known.isEmpty() ? List.of("en") : known;
    }

    static Texts of(String language) {
        return TEXTS.getOrDefault(language, TEXTS.get("en"));
    }
}
