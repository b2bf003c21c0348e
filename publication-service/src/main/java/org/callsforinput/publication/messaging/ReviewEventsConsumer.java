package org.callsforinput.publication.messaging;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.callsforinput.contracts.Topics;
import org.callsforinput.platform.eventing.ChannelConsumer;
import org.callsforinput.platform.eventing.InboundEvent;
import org.callsforinput.publication.service.Publications;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/** Review decisions and retractions from review-service; the work happens in {@link Publications}. */
@ApplicationScoped
public class ReviewEventsConsumer implements ChannelConsumer {

    private final Publications publications;

    public ReviewEventsConsumer(Publications publications) {
        this.publications = publications;
    }

    @Incoming(Topics.REVIEWS)
    @Blocking
    @Retry(maxRetries = 12, delay = 500, maxDuration = 10, durationUnit = ChronoUnit.MINUTES)
    @ExponentialBackoff(maxDelay = 60, maxDelayUnit = ChronoUnit.SECONDS)
    public void consume(ConsumerRecord<String, String> record) {
        handle(InboundEvent.from(record));
    }

    @Override
    public String channel() {
        return Topics.REVIEWS;
    }

    @Override
    public boolean handle(InboundEvent event) {
        return publications.handle(event);
    }
}
