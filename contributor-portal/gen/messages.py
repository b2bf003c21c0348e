# The portal's texts in English, French and Spanish side by side. Run from the repository root:
#   python3 contributor-portal/gen/messages.py contributor-portal/src/main
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "web-support", "gen"))
from bundle import enum, m, write  # noqa: E402

m("app_name", "Calls for input", "Appels à contributions", "Convocatorias de contribuciones")
m("skip_to_content", "Skip to main content", "Aller au contenu principal", "Ir al contenido principal")
m("nav_label", "Main", "Principal", "Principal")
m("nav_calls", "Open calls", "Appels ouverts", "Convocatorias abiertas")
m("nav_mine", "My contributions", "Mes contributions", "Mis contribuciones")
m("nav_verify", "Verify a receipt", "Vérifier un accusé de réception", "Verificar un acuse de recibo")
m("language_label", "Language", "Langue", "Idioma")
m("signed_in_as", "Signed in as {user}", "Connecté·e : {user}", "Sesión iniciada: {user}", ("user",))
m("sign_out", "Sign out", "Se déconnecter", "Cerrar sesión")
m("sign_in_or_register", "Sign in or register", "Se connecter ou créer un compte", "Iniciar sesión o registrarse")
m("footer", "Contributions are published in full and as received, as each contributor chooses. Contact details are never published.",
  "Les contributions sont publiées intégralement et telles que reçues, selon le choix de chaque contributeur. Les coordonnées ne sont jamais publiées.",
  "Las contribuciones se publican íntegramente y tal como se reciben, según elija cada contribuyente. Los datos de contacto nunca se publican.")
m("signed_out_title", "Signed out", "Déconnecté·e", "Sesión cerrada")
m("signed_out", "You are signed out of the portal and of the platform’s sign-in service.", "Vous êtes déconnecté·e du portail et du service de connexion de la plateforme.", "Ha cerrado la sesión en el portal y en el servicio de inicio de sesión de la plataforma.")
m("back_home", "Back to the open calls", "Retour aux appels ouverts", "Volver a las convocatorias abiertas")
m("back_to_calls", "All open calls", "Tous les appels ouverts", "Todas las convocatorias abiertas")
m("back_to_mine", "My contributions", "Mes contributions", "Mis contribuciones")
m("back", "Back", "Retour", "Volver")
m("home_title", "Open calls for input", "Appels à contributions ouverts", "Convocatorias de contribuciones abiertas")
m("home_intro", "States, national human rights institutions, organisations, academics, UN bodies and individuals can contribute to these calls. Choose a call to see what it asks for and until when.",
  "États, institutions nationales des droits de l’homme, organisations, universitaires, organes des Nations Unies et particuliers peuvent contribuer à ces appels. Choisissez un appel pour voir ce qu’il demande et jusqu’à quand.",
  "Estados, instituciones nacionales de derechos humanos, organizaciones, académicos, órganos de las Naciones Unidas y particulares pueden contribuir a estas convocatorias. Elija una convocatoria para ver qué pide y hasta cuándo.")
m("home_none", "No call is open right now.", "Aucun appel n’est ouvert pour le moment.", "No hay ninguna convocatoria abierta en este momento.")
m("deadline_short", "Deadline: {deadline} ({zone})", "Date limite : {deadline} ({zone})", "Plazo: {deadline} ({zone})", ("deadline", "zone"))
m("verify_link", "Verify a receipt you were given", "Vérifier un accusé de réception reçu", "Verificar un acuse de recibo recibido")
# the call
m("deadline_title", "Deadline", "Date limite", "Plazo")
m("countdown", "{days} days, {hours} hours and {minutes} minutes left", "Il reste {days} jours, {hours} heures et {minutes} minutes", "Quedan {days} días, {hours} horas y {minutes} minutos", ("days", "hours", "minutes"))
m("deadline_passed", "The deadline has passed.", "La date limite est passée.", "El plazo ha vencido.")
m("late_accepted", "This call still receives contributions; they are marked as late.", "Cet appel reçoit encore des contributions ; elles sont marquées comme tardives.", "Esta convocatoria todavía recibe contribuciones; se marcan como tardías.")
m("late_grace", "This call receives late contributions for {hours} hours after the deadline; they are marked as late.", "Cet appel reçoit des contributions tardives pendant {hours} heures après la date limite ; elles sont marquées comme tardives.", "Esta convocatoria recibe contribuciones tardías durante {hours} horas después del plazo; se marcan como tardías.", ("hours",))
m("late_refused", "This call no longer receives contributions.", "Cet appel ne reçoit plus de contributions.", "Esta convocatoria ya no recibe contribuciones.")
m("late_changed", "The deadline passed while this page was open. Read what that means above, then submit again if you still want to.", "La date limite est passée pendant que cette page était ouverte. Lisez ce que cela signifie ci-dessus, puis soumettez à nouveau si vous le souhaitez.", "El plazo venció mientras esta página estaba abierta. Lea arriba lo que eso significa y vuelva a enviar si todavía lo desea.")
m("deadline_in_call_zone", "In the call’s time zone", "Dans le fuseau horaire de l’appel", "En la zona horaria de la convocatoria")
m("deadline_utc", "In UTC", "En UTC", "En UTC")
m("deadline_yours", "In your time zone", "Dans votre fuseau horaire", "En su zona horaria")
m("deadline_yours_needs_script", "shown when the page’s script runs", "affiché lorsque le script de la page s’exécute", "se muestra cuando se ejecuta el script de la página")
m("late_policy", "After the deadline", "Après la date limite", "Después del plazo")
m("late_policy_reject", "Contributions are no longer received.", "Les contributions ne sont plus reçues.", "Las contribuciones ya no se reciben.")
m("late_policy_flagged", "Contributions are still received, marked as late.", "Les contributions sont encore reçues, marquées comme tardives.", "Las contribuciones se siguen recibiendo, marcadas como tardías.")
m("late_policy_grace", "Contributions are received for {hours} more hours, marked as late.", "Les contributions sont reçues pendant {hours} heures de plus, marquées comme tardives.", "Las contribuciones se reciben durante {hours} horas más, marcadas como tardías.", ("hours",))
m("themes_title", "Themes", "Thèmes", "Temas")
m("accepted_title", "What is accepted", "Ce qui est accepté", "Qué se acepta")
m("accepted_main", "The contribution", "La contribution", "La contribución")
m("accepted_annex", "Annexes", "Annexes", "Anexos")
m("accepted_file_size", "Largest file", "Taille maximale d’un fichier", "Tamaño máximo de un archivo")
m("accepted_total_size", "All files together", "Tous les fichiers ensemble", "Todos los archivos juntos")
m("accepted_files", "Number of files", "Nombre de fichiers", "Número de archivos")
m("accepted_checks", "Every file is checked: documents with macros, encrypted or password-protected files, files that are not what their name says and files with a virus are refused, and nothing of them is kept.",
  "Chaque fichier est vérifié : les documents avec macros, les fichiers chiffrés ou protégés par mot de passe, les fichiers qui ne sont pas ce que leur nom indique et les fichiers contenant un virus sont refusés, et rien n’en est conservé.",
  "Cada archivo se comprueba: los documentos con macros, los archivos cifrados o protegidos con contraseña, los archivos que no son lo que indica su nombre y los archivos con virus se rechazan, y no se conserva nada de ellos.")
m("publication_title", "What publication means", "Ce que signifie la publication", "Qué significa la publicación")
m("publication_intro", "You choose how your contribution may be published. The secretariat reviews every contribution against the mandate before anything is published.",
  "Vous choisissez comment votre contribution peut être publiée. Le secrétariat examine chaque contribution au regard du mandat avant toute publication.",
  "Usted elige cómo puede publicarse su contribución. La secretaría examina cada contribución en relación con el mandato antes de publicar nada.")
enum("consent_name", "consent", [
    ("PUBLISH_IN_FULL", "Publish in full, with our name", "Publier intégralement, avec notre nom", "Publicar íntegramente, con nuestro nombre"),
    ("PUBLISH_WITHOUT_NAME", "Publish without naming us", "Publier sans nous nommer", "Publicar sin nombrarnos"),
    ("DO_NOT_PUBLISH", "Do not publish", "Ne pas publier", "No publicar")])
enum("consent_explained", "consent", [
    ("PUBLISH_IN_FULL", "The documents are published as received, with your organisation’s name, country and category.",
     "Les documents sont publiés tels que reçus, avec le nom, le pays et la catégorie de votre organisation.",
     "Los documentos se publican tal como se reciben, con el nombre, el país y la categoría de su organización."),
    ("PUBLISH_WITHOUT_NAME", "The documents are published without your name; the secretariat publishes a copy cleaned of the names a Word file carries, or a redacted copy.",
     "Les documents sont publiés sans votre nom ; le secrétariat publie une copie débarrassée des noms qu’un fichier Word contient, ou une copie caviardée.",
     "Los documentos se publican sin su nombre; la secretaría publica una copia sin los nombres que contiene un archivo Word, o una copia censurada."),
    ("DO_NOT_PUBLISH", "The secretariat reads your contribution, and nothing of it is published.",
     "Le secrétariat lit votre contribution, et rien n’en est publié.", "La secretaría lee su contribución y no se publica nada de ella.")])
m("publication_default", "Unless you choose otherwise:", "Sauf choix contraire de votre part :", "Salvo que elija otra cosa:")
m("contribute", "Contribute to this call", "Contribuer à cet appel", "Contribuir a esta convocatoria")
m("or_by_email", "You can also send your contribution by e-mail to", "Vous pouvez aussi envoyer votre contribution par courriel à", "También puede enviar su contribución por correo electrónico a")
m("not_accepting", "This call does not receive contributions now.", "Cet appel ne reçoit pas de contributions pour le moment.", "Esta convocatoria no recibe contribuciones ahora.")
m("public_page", "Published contributions to this call", "Contributions publiées pour cet appel", "Contribuciones publicadas de esta convocatoria")
# steps
m("steps_label", "Steps of your contribution", "Étapes de votre contribution", "Pasos de su contribución")
enum("step_name", "step", [
    ("about", "1. Who contributes", "1. Qui contribue", "1. Quién contribuye"),
    ("details", "2. Your contribution", "2. Votre contribution", "2. Su contribución"),
    ("documents", "3. Documents", "3. Documents", "3. Documentos"),
    ("submit", "4. Publication and submission", "4. Publication et envoi", "4. Publicación y envío")])
enum("field_name", "field", [
    ("organisationName", "Organisation (or your name, if you contribute as an individual)", "Organisation (ou votre nom, si vous contribuez à titre individuel)", "Organización (o su nombre, si contribuye a título individual)"),
    ("submitterCategory", "Category", "Catégorie", "Categoría"),
    ("country", "Country", "Pays", "País"),
    ("language", "Language of the contribution", "Langue de la contribution", "Idioma de la contribución"),
    ("title", "Title", "Titre", "Título"),
    ("contactName", "Contact person", "Personne de contact", "Persona de contacto"),
    ("contactEmail", "Contact e-mail address", "Adresse électronique de contact", "Correo electrónico de contacto"),
    ("contact", "Contact", "Contact", "Contacto"),
    ("themes", "Themes your contribution addresses", "Thèmes abordés par votre contribution", "Temas que aborda su contribución"),
    ("summary", "Summary", "Résumé", "Resumen"),
    ("links", "Links", "Liens", "Enlaces"),
    ("coSubmitters", "Organisations submitting with you", "Organisations soumettant avec vous", "Organizaciones que presentan con usted"),
    ("consent", "Publication", "Publication", "Publicación"),
    ("file", "File", "Fichier", "Archivo"),
    ("callId", "Call", "Appel", "Convocatoria")])
m("form_refused", "Nothing was saved. Please correct:", "Rien n’a été enregistré. Veuillez corriger :", "No se ha guardado nada. Corrija:")
m("saved", "Your draft is saved. You can come back to it later from “My contributions”.", "Votre brouillon est enregistré. Vous pourrez y revenir plus tard depuis « Mes contributions ».", "Su borrador está guardado. Puede volver a él más tarde desde «Mis contribuciones».")
m("save_continue", "Save and continue", "Enregistrer et continuer", "Guardar y continuar")
m("save_draft", "Save draft", "Enregistrer le brouillon", "Guardar borrador")
m("restored", "What you typed here before was not saved yet; it is filled in again. Save it now.", "Ce que vous aviez saisi ici n’était pas encore enregistré ; il est à nouveau rempli. Enregistrez-le maintenant.", "Lo que había escrito aquí aún no estaba guardado; se ha vuelto a rellenar. Guárdelo ahora.")
m("choose", "Choose…", "Choisir…", "Elegir…")
m("about_intro", "Every field is required. Your draft is saved at each step, so you can stop and come back.", "Tous les champs sont obligatoires. Votre brouillon est enregistré à chaque étape : vous pouvez vous arrêter et revenir.", "Todos los campos son obligatorios. Su borrador se guarda en cada paso, así que puede detenerse y volver.")
m("organisation_hint", "Published with the contribution if you choose “publish in full”.", "Publié avec la contribution si vous choisissez « publier intégralement ».", "Se publica con la contribución si elige «publicar íntegramente».")
m("language_hint", "The language the contribution is written in.", "La langue dans laquelle la contribution est rédigée.", "El idioma en que está redactada la contribución.")
m("contact_legend", "Contact (never published)", "Contact (jamais publié)", "Contacto (nunca se publica)")
m("contact_hint", "Only the secretariat sees it, to ask you questions about your contribution.", "Seul le secrétariat le voit, pour vous poser des questions sur votre contribution.", "Solo la secretaría lo ve, para hacerle preguntas sobre su contribución.")
enum("category_name", "category", [
    ("STATE", "State", "État", "Estado"),
    ("NHRI", "National human rights institution", "Institution nationale des droits de l’homme", "Institución nacional de derechos humanos"),
    ("INTERGOVERNMENTAL_OR_UN", "Intergovernmental organisation or UN body", "Organisation intergouvernementale ou organe des Nations Unies", "Organización intergubernamental u órgano de las Naciones Unidas"),
    ("CIVIL_SOCIETY", "Civil society organisation", "Organisation de la société civile", "Organización de la sociedad civil"),
    ("ACADEMIA", "Academia", "Milieu universitaire", "Ámbito académico"),
    ("INDIVIDUAL", "Individual", "Particulier", "Particular"),
    ("OTHER", "Other", "Autre", "Otro")])
m("summary_hint", "A few sentences on what your contribution says (optional).", "Quelques phrases sur ce que dit votre contribution (facultatif).", "Unas frases sobre lo que dice su contribución (opcional).")
m("links_hint", "Links to legislation, statistics, reports or websites that support your contribution (optional). Leave a row empty to skip it.", "Liens vers des textes de loi, statistiques, rapports ou sites web à l’appui de votre contribution (facultatif). Laissez une ligne vide pour l’ignorer.", "Enlaces a legislación, estadísticas, informes o sitios web que respaldan su contribución (opcional). Deje una fila vacía para omitirla.")
m("link_url", "Address of link {n}", "Adresse du lien {n}", "Dirección del enlace {n}", ("n",))
m("link_label", "Title of link {n}", "Titre du lien {n}", "Título del enlace {n}", ("n",))
m("link_kind", "Kind of link {n}", "Type du lien {n}", "Tipo del enlace {n}", ("n",))
enum("link_kind_name", "kind", [
    ("legislation", "Legislation", "Législation", "Legislación"),
    ("statistics", "Statistics", "Statistiques", "Estadísticas"),
    ("report", "Report", "Rapport", "Informe"),
    ("website", "Website", "Site web", "Sitio web"),
    ("other", "Other", "Autre", "Otro")])
m("co_submitters_hint", "One organisation per line (optional).", "Une organisation par ligne (facultatif).", "Una organización por línea (opcional).")
# documents
m("documents_intro", "Attach your contribution (a Word document) and any annexes: up to {files} files of at most {size} each.", "Joignez votre contribution (un document Word) et d’éventuelles annexes : jusqu’à {files} fichiers de {size} au plus chacun.", "Adjunte su contribución (un documento Word) y los anexos: hasta {files} archivos de {size} como máximo cada uno.", ("files", "size"))
m("documents_none", "No document attached yet.", "Aucun document joint pour l’instant.", "Todavía no hay ningún documento adjunto.")
m("documents_attached", "Attached documents", "Documents joints", "Documentos adjuntos")
m("document_name", "File", "Fichier", "Archivo")
m("document_role", "Role", "Rôle", "Función")
m("document_size", "Size", "Taille", "Tamaño")
m("actions", "Actions", "Actions", "Acciones")
enum("role_name", "role", [
    ("MAIN", "The contribution", "La contribution", "La contribución"),
    ("ANNEX", "Annex", "Annexe", "Anexo")])
m("document_remove", "Remove", "Retirer", "Quitar")
m("document_remove_one", "Remove {name}", "Retirer {name}", "Quitar {name}", ("name",))
m("document_add", "Add a document", "Ajouter un document", "Añadir un documento")
m("document_file", "File", "Fichier", "Archivo")
m("document_upload", "Upload", "Téléverser", "Subir")
m("upload_progress", "Upload progress", "Progression du téléversement", "Progreso de la subida")
m("upload_hashing", "Preparing the file…", "Préparation du fichier…", "Preparando el archivo…")
m("upload_sending", "Sending the file…", "Envoi du fichier…", "Enviando el archivo…")
m("upload_checking", "Checking the file…", "Vérification du fichier…", "Comprobando el archivo…")
m("upload_failed", "The upload did not complete. Nothing was kept; try again.", "Le téléversement n’a pas abouti. Rien n’a été conservé ; réessayez.", "La subida no se completó. No se conservó nada; vuelva a intentarlo.")
m("continue_to_submit", "Continue to publication and submission", "Continuer vers la publication et l’envoi", "Continuar a la publicación y el envío")
# submit
m("review_title", "Your contribution", "Votre contribution", "Su contribución")
m("submit_explained", "When you submit, the contribution is received as it is now and cannot be changed; you get a signed receipt. You can still withdraw it later.", "Lorsque vous soumettez, la contribution est reçue telle qu’elle est et ne peut plus être modifiée ; vous recevez un accusé de réception signé. Vous pourrez encore la retirer.", "Al enviarla, la contribución se recibe tal como está y ya no puede modificarse; recibirá un acuse de recibo firmado. Todavía podrá retirarla más tarde.")
m("submit", "Submit the contribution", "Soumettre la contribution", "Enviar la contribución")
m("submit_late", "Submit the contribution late", "Soumettre la contribution en retard", "Enviar la contribución con retraso")
m("draft_delete_confirm", "Delete this draft and its documents?", "Supprimer ce brouillon et ses documents ?", "¿Eliminar este borrador y sus documentos?")
m("draft_delete", "Delete this draft", "Supprimer ce brouillon", "Eliminar este borrador")
# receipt
m("receipt_title", "Receipt {reference}", "Accusé de réception {reference}", "Acuse de recibo {reference}", ("reference",))
m("receipt_intro", "Your contribution was received. Keep this receipt: it proves what you sent and when.", "Votre contribution a été reçue. Conservez cet accusé de réception : il prouve ce que vous avez envoyé et quand.", "Su contribución ha sido recibida. Conserve este acuse de recibo: prueba qué envió y cuándo.")
m("receipt_reference", "Reference", "Référence", "Referencia")
m("receipt_received", "Received", "Reçue le", "Recibida el")
m("receipt_timeliness", "On time", "Dans les délais", "En plazo")
m("receipt_on_time", "Yes, before the deadline", "Oui, avant la date limite", "Sí, antes del plazo")
m("receipt_late", "Late, after the deadline", "En retard, après la date limite", "Tarde, después del plazo")
m("receipt_deadline", "Deadline", "Date limite", "Plazo")
m("receipt_files", "Files received", "Fichiers reçus", "Archivos recibidos")
m("bytes_unit", "bytes", "octets", "bytes")
m("receipt_proof", "Signed proof", "Preuve signée", "Prueba firmada")
m("receipt_proof_explained", "The platform signed this receipt. Anyone can check it on the “Verify a receipt” page, or with the platform’s public keys.", "La plateforme a signé cet accusé de réception. Chacun peut le vérifier sur la page « Vérifier un accusé de réception », ou avec les clés publiques de la plateforme.", "La plataforma firmó este acuse de recibo. Cualquiera puede comprobarlo en la página «Verificar un acuse de recibo» o con las claves públicas de la plataforma.")
m("receipt_download", "Download the signed receipt", "Télécharger l’accusé de réception signé", "Descargar el acuse de recibo firmado")
m("receipt_print", "Print", "Imprimer", "Imprimir")
m("receipt_show", "Receipt", "Accusé de réception", "Acuse de recibo")
# my contributions
m("mine_none", "You have no contribution yet.", "Vous n’avez encore aucune contribution.", "Todavía no tiene ninguna contribución.")
enum("status_name", "status", [
    ("DRAFT", "Draft", "Brouillon", "Borrador"),
    ("RECEIVED", "Received", "Reçue", "Recibida"),
    ("UNDER_REVIEW", "Under review", "En cours d’examen", "En examen"),
    ("PUBLISHED", "Published", "Publiée", "Publicada"),
    ("NOT_PUBLISHED", "Not published", "Non publiée", "No publicada"),
    ("WITHDRAWN", "Withdrawn", "Retirée", "Retirada")])
enum("status_explained", "status", [
    ("DRAFT", "Not submitted yet: only you see it.", "Pas encore soumise : vous seul·e la voyez.", "Todavía no enviada: solo usted la ve."),
    ("RECEIVED", "Received; the secretariat will review it.", "Reçue ; le secrétariat va l’examiner.", "Recibida; la secretaría la examinará."),
    ("UNDER_REVIEW", "The secretariat is reviewing it.", "Le secrétariat l’examine.", "La secretaría la está examinando."),
    ("PUBLISHED", "Published on the call’s public page, as you chose.", "Publiée sur la page publique de l’appel, comme vous l’avez choisi.", "Publicada en la página pública de la convocatoria, como usted eligió."),
    ("NOT_PUBLISHED", "Reviewed and not published.", "Examinée et non publiée.", "Examinada y no publicada."),
    ("WITHDRAWN", "You withdrew it; it will not be published.", "Vous l’avez retirée ; elle ne sera pas publiée.", "Usted la retiró; no se publicará.")])
m("timeline_title", "Where it is", "Où elle en est", "Dónde está")
m("published_link", "read it on the public page", "la lire sur la page publique", "leerla en la página pública")
m("continue_draft", "Continue the draft", "Continuer le brouillon", "Continuar el borrador")
m("withdraw", "Withdraw", "Retirer", "Retirar")
m("withdraw_title", "Withdraw the contribution", "Retirer la contribution", "Retirar la contribución")
m("withdraw_confirm", "Do you want to withdraw “{title}” ({reference})?", "Voulez-vous retirer « {title} » ({reference}) ?", "¿Desea retirar «{title}» ({reference})?", ("title", "reference"))
m("withdraw_explained", "A withdrawn contribution is not published, and a published one is taken off the public pages. This cannot be undone.", "Une contribution retirée n’est pas publiée, et une contribution publiée est retirée des pages publiques. Cette action est définitive.", "Una contribución retirada no se publica, y una publicada se retira de las páginas públicas. No se puede deshacer.")
m("withdraw_yes", "Yes, withdraw it", "Oui, la retirer", "Sí, retirarla")
m("withdraw_no", "No, keep it", "Non, la garder", "No, conservarla")
# verify
m("verify_title", "Verify a receipt", "Vérifier un accusé de réception", "Verificar un acuse de recibo")
m("verify_intro", "Paste a receipt (the signed text that starts with “ey”) or upload its .jws file to see whether the platform issued it and what it certifies.", "Collez un accusé de réception (le texte signé qui commence par « ey ») ou téléversez son fichier .jws pour voir si la plateforme l’a émis et ce qu’il certifie.", "Pegue un acuse de recibo (el texto firmado que empieza por «ey») o suba su archivo .jws para ver si la plataforma lo emitió y qué certifica.")
m("verify_paste", "Receipt", "Accusé de réception", "Acuse de recibo")
m("verify_upload", "Or its file", "Ou son fichier", "O su archivo")
m("verify_button", "Verify", "Vérifier", "Verificar")
m("verify_genuine", "Genuine: the platform issued this receipt.", "Authentique : la plateforme a émis cet accusé de réception.", "Auténtico: la plataforma emitió este acuse de recibo.")
m("verify_not_genuine", "Not genuine: this is not a receipt signed by the platform, or it was changed.", "Non authentique : ce n’est pas un accusé de réception signé par la plateforme, ou il a été modifié.", "No auténtico: no es un acuse de recibo firmado por la plataforma, o fue modificado.")
m("verify_empty", "Paste a receipt or choose its file.", "Collez un accusé de réception ou choisissez son fichier.", "Pegue un acuse de recibo o elija su archivo.")
# the API's reasons
m("err_required", "Required.", "Obligatoire.", "Obligatorio.")
m("err_email", "Not an e-mail address.", "Ce n’est pas une adresse électronique.", "No es una dirección de correo electrónico.")
m("err_size", "Too long, or too many.", "Trop long, ou trop nombreux.", "Demasiado largo, o demasiados.")
m("err_country", "Choose a country from the list.", "Choisissez un pays dans la liste.", "Elija un país de la lista.")
m("err_language", "Choose a language from the list.", "Choisissez une langue dans la liste.", "Elija un idioma de la lista.")
m("err_control", "Contains characters that are not allowed (control characters or line breaks).", "Contient des caractères non autorisés (caractères de contrôle ou sauts de ligne).", "Contiene caracteres no permitidos (caracteres de control o saltos de línea).")
m("err_theme", "A theme is not one of the call’s.", "Un thème ne fait pas partie de ceux de l’appel.", "Un tema no es de los de la convocatoria.")
m("err_link", "A link must be a web address (http or https) without a user name or password.", "Un lien doit être une adresse web (http ou https) sans nom d’utilisateur ni mot de passe.", "Un enlace debe ser una dirección web (http o https) sin nombre de usuario ni contraseña.")
m("err_choose_file", "Choose a file.", "Choisissez un fichier.", "Elija un archivo.")
m("refused_macro", "Refused: the document contains macros. Save it as a plain Word document (.docx) and upload it again.", "Refusé : le document contient des macros. Enregistrez-le comme document Word simple (.docx) et téléversez-le à nouveau.", "Rechazado: el documento contiene macros. Guárdelo como documento Word sin macros (.docx) y vuelva a subirlo.")
m("refused_encrypted", "Refused: the document is encrypted or protected by a password. Remove the protection and upload it again.", "Refusé : le document est chiffré ou protégé par un mot de passe. Retirez la protection et téléversez-le à nouveau.", "Rechazado: el documento está cifrado o protegido con contraseña. Quite la protección y vuelva a subirlo.")
m("refused_too_large", "Refused: the file is larger than the call allows.", "Refusé : le fichier dépasse la taille autorisée par l’appel.", "Rechazado: el archivo supera el tamaño que permite la convocatoria.")
m("refused_type", "Refused: this type of file is not accepted for this call, or the file is not what its name says.", "Refusé : ce type de fichier n’est pas accepté pour cet appel, ou le fichier n’est pas ce que son nom indique.", "Rechazado: este tipo de archivo no se acepta en esta convocatoria, o el archivo no es lo que indica su nombre.")
m("refused_virus", "Refused: the virus scanner found a virus in the file.", "Refusé : l’antivirus a trouvé un virus dans le fichier.", "Rechazado: el antivirus encontró un virus en el archivo.")
m("refused_unreadable", "Refused: the file cannot be read or checked completely.", "Refusé : le fichier ne peut pas être lu ou vérifié entièrement.", "Rechazado: el archivo no puede leerse o comprobarse por completo.")
m("refused_external", "Refused: the document refers to content outside it (a remote template, a linked object or an unsafe link).", "Refusé : le document fait référence à un contenu extérieur (modèle distant, objet lié ou lien dangereux).", "Rechazado: el documento hace referencia a contenido externo (una plantilla remota, un objeto vinculado o un enlace inseguro).")
m("refused_too_many", "Refused: the call’s maximum number of files is reached.", "Refusé : le nombre maximal de fichiers de l’appel est atteint.", "Rechazado: se alcanzó el número máximo de archivos de la convocatoria.")
m("refused_empty", "Refused: the file is empty.", "Refusé : le fichier est vide.", "Rechazado: el archivo está vacío.")
m("refused_file_name", "Refused: the file name is not allowed. Rename the file and upload it again.", "Refusé : le nom du fichier n’est pas autorisé. Renommez le fichier et téléversez-le à nouveau.", "Rechazado: el nombre del archivo no está permitido. Cámbielo y vuelva a subirlo.")
m("refused_upload_broken", "The upload did not arrive complete. Nothing was kept; try again.", "Le fichier n’est pas arrivé complet. Rien n’a été conservé ; réessayez.", "El archivo no llegó completo. No se conservó nada; vuelva a intentarlo.")
m("refused_deadline", "The deadline has passed and this call no longer receives contributions.", "La date limite est passée et cet appel ne reçoit plus de contributions.", "El plazo ha vencido y esta convocatoria ya no recibe contribuciones.")
m("refused_call_closed", "This call does not receive contributions now.", "Cet appel ne reçoit pas de contributions pour le moment.", "Esta convocatoria no recibe contribuciones ahora.")
m("refused_incomplete", "The contribution is not complete: attach the contribution document (step 3) before submitting.", "La contribution n’est pas complète : joignez le document de contribution (étape 3) avant de soumettre.", "La contribución no está completa: adjunte el documento de la contribución (paso 3) antes de enviarla.")
# errors
m("error_not_allowed_title", "Not allowed", "Accès refusé", "Acceso denegado")
m("error_not_allowed", "Your account cannot contribute here. The portal is for contributors; the secretariat works in its own console.", "Votre compte ne peut pas contribuer ici. Le portail est destiné aux contributeurs ; le secrétariat travaille dans sa propre console.", "Su cuenta no puede contribuir aquí. El portal es para los contribuyentes; la secretaría trabaja en su propia consola.")
m("error_not_found_title", "Not found", "Introuvable", "No encontrado")
m("error_not_found", "There is nothing here, or it is not yours to see.", "Il n’y a rien ici, ou vous ne pouvez pas le voir.", "No hay nada aquí, o no puede verlo.")
m("error_unavailable_title", "Temporarily unavailable", "Momentanément indisponible", "No disponible temporalmente")
m("error_unavailable", "The platform does not answer right now. Nothing was changed, and your saved draft is kept. Try again in a minute.", "La plateforme ne répond pas pour le moment. Rien n’a été modifié, et votre brouillon enregistré est conservé. Réessayez dans une minute.", "La plataforma no responde en este momento. No se ha cambiado nada y su borrador guardado se conserva. Vuelva a intentarlo en un minuto.")
m("error_refused_title", "Refused", "Refusé", "Rechazado")
m("error_failed_title", "Something went wrong", "Une erreur s’est produite", "Algo salió mal")
m("error_failed", "The page could not be shown. Nothing was changed. Try again; if it happens again, tell the secretariat.", "La page n’a pas pu être affichée. Rien n’a été modifié. Réessayez ; si cela se reproduit, prévenez le secrétariat.", "No se pudo mostrar la página. No se ha cambiado nada. Vuelva a intentarlo; si vuelve a ocurrir, avise a la secretaría.")

write(sys.argv[1], "org.callsforinput.portal.web", "the portal's", "contributor-portal/gen/messages.py")
