// Public entry point of the pure statistics library (no db, next or react imports).
// Every function takes aggregated counts, so SQL GROUP BY results can be passed straight in.

export * from "./agreement";
export * from "./anytime-win-rate";
export * from "./binomial";
export * from "./bootstrap";
export * from "./bradley-terry";
export * from "./bradley-terry-bootstrap";
export * from "./confidence-sequence";
export * from "./head-to-head";
export * from "./krippendorff-alpha";
export * from "./length-bias";
export * from "./log-factorial";
export * from "./majority";
export * from "./majority-rate";
export * from "./mcnemar";
export * from "./pair-matrix";
export * from "./panel-agreement";
export * from "./position-bias";
export * from "./rater-agreement";
export * from "./rng";
export * from "./sampling";
export * from "./share-test";
export * from "./summary";
export * from "./tally";
export * from "./votes-needed";
export * from "./wilson";
export * from "./win-rate";
