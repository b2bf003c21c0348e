package org.callsforinput.publication;

import org.callsforinput.testing.StackResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against the real test stack, with its own database and bucket. */
@QuarkusTestResource(value = StackResource.class, initArgs = {
        @ResourceArg(name = "database", value = "publication_test"),
        @ResourceArg(name = "bucket", value = "publication-test") })
public class TestStack {
}
