package io.satc.compiler.plan;

import java.util.List;

/**
 * A placement decision (cost model §2): the stages in pipeline order and the codec on each cut.
 *
 * @param stages     {@code K >= 1} stages with strictly increasing last units
 * @param cutCodecs  {@code K - 1} codec names; entry {@code k} encodes the activation sent from
 *                   stage {@code k} to stage {@code k + 1}
 */
public record Plan(List<StageAssignment> stages, List<String> cutCodecs) {

    public Plan {
        stages = List.copyOf(stages);
        cutCodecs = List.copyOf(cutCodecs);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one stage");
        }
        if (cutCodecs.size() != stages.size() - 1) {
            throw new IllegalArgumentException(
                    stages.size() + " stages need " + (stages.size() - 1) + " cut codecs, got " + cutCodecs.size());
        }
        for (int k = 1; k < stages.size(); k++) {
            if (stages.get(k).lastUnit() <= stages.get(k - 1).lastUnit()) {
                throw new IllegalArgumentException("stage last units must increase: " + stages);
            }
        }
    }

    /** Number of stages {@code K}. */
    public int stageCount() {
        return stages.size();
    }

    /** Index of the first unit of stage {@code k}. */
    public int firstUnit(int k) {
        return k == 0 ? 0 : stages.get(k - 1).lastUnit() + 1;
    }

    /** A short single-line form, e.g. {@code sat-1[0..12] -int8-> ground[13..49]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < stages.size(); k++) {
            if (k > 0) {
                sb.append(" -").append(cutCodecs.get(k - 1)).append("-> ");
            }
            sb.append(stages.get(k).node())
                    .append('[')
                    .append(firstUnit(k))
                    .append("..")
                    .append(stages.get(k).lastUnit())
                    .append(']');
        }
        return sb.toString();
    }
}
