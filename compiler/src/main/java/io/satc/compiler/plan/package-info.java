/**
 * The placement planner: a pure numeric model of a mission ({@link io.satc.compiler.plan.PlacementProblem}),
 * the reference cost model ({@link io.satc.compiler.plan.Evaluator}), the exact A* search
 * ({@link io.satc.compiler.plan.Planner}) and the baselines reported beside its optimum.
 *
 * <p>This package never sees syntax trees or analysis results: lowering builds the problem, and
 * everything here is arithmetic on it, so the planner can be tested and benchmarked alone.
 */
package io.satc.compiler.plan;
