-- The W3C trace context (traceparent, tracestate) of the transaction that wrote an event: the relay sends the event
-- as part of that trace, so that its consumers continue the trace of the request that caused it. Null when the
-- writer was not traced (tracing off, or work that no request or event started).
alter table outbox_event add column traceparent text, add column tracestate text;
