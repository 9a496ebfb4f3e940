package io.satc.runtime.pipeline;

import java.util.OptionalLong;

/**
 * Why a run stopped before every micro-batch reached the sink.
 *
 * @param resource   the resource that failed first, e.g. {@code stage 2 on leo-2}, {@code link a -> b},
 *                   {@code source}, {@code sink} or {@code pipeline} (run timeout)
 * @param kind       {@code stage}, {@code hop}, {@code source}, {@code sink} or {@code pipeline}
 * @param microBatch the micro-batch being processed, when there was one
 * @param message    one sentence saying what went wrong
 */
public record PipelineFailure(String resource, String kind, OptionalLong microBatch, String message) {}
