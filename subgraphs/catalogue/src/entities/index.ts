export { Market } from './market.js';
export { Brand } from './brand.js';
export { Solution } from './solution.js';
export { Certification } from './certification.js';
export { Product } from './product.js';
export { Question, QuestionRule } from './question.js';
export { QuestionOption } from './question-option.js';
export { CatalogueChange } from './catalogue-change.js';
export { GuidedChoice } from './guided-choice.js';
