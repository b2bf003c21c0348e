/**
 * The document gate: every document that can become public (intake uploads streamed or presigned, redacted copies,
 * attachments of later channels) passes the same content checks, file-name rule and virus scan here.
 */
package org.callsforinput.gate;
