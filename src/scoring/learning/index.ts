// The learning core's public surface: train, predict, cross-validate, adopt, rank for review, tag, (de)serialise.
export { trainSentimentModel, predictSentiment, predictSentimentTokens, MIN_EXAMPLES_PER_LANGUAGE } from './sentiment-model.js';
export type { SentimentExample, SentimentModel, SentimentPrediction, TrainOptions } from './sentiment-model.js';
export { serializeModel, parseModel, ModelFormatError, SENTIMENT_MODEL_FORMAT, MODEL_FORMAT_VERSION } from './model-format.js';
export { crossValidate, shouldAdopt, labelsNeededToTrain, labelsStillNeeded, DEFAULT_FOLDS, MIN_TONES_TO_TRAIN } from './cross-validation.js';
export type { CrossValidation, AdoptionDecision, LanguageComparison } from './cross-validation.js';
export { reviewPriority, FIRST_LABELS_SAMPLE } from './review-priority.js';
export type { ReviewCandidate, ReviewItem, ReviewOptions, ReviewWhy } from './review-priority.js';
export { trainTagClassifier, predictTags, serializeTagModel, parseTagModel, MIN_TAG_POSITIVES } from './tag-classifier.js';
export type { TagExample, TagModel } from './tag-classifier.js';
export { classificationScores } from './metrics.js';
