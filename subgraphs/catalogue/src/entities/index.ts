export { Market } from './market';
export { Brand } from './brand';
export { Solution } from './solution';
export { Certification } from './certification';
export { Product } from './product';
export { Question, QuestionRule } from './question';
export { QuestionOption } from './question-option';
export { CatalogueChange } from './catalogue-change';
export { GuidedChoice } from './guided-choice';
