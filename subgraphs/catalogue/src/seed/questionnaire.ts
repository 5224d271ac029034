import { QuestionRule } from '../entities/question.js';
import { EXPOSURE } from '../services/evaluation.js';

interface SeedOption {
  code: string;
  fr: string;
  en: string;
  criterion?: string;
}

interface SeedQuestion {
  code: string;
  fr: string;
  en: string;
  mandatory: boolean;
  multiple: boolean;
  rule: QuestionRule;
  options: SeedOption[];
}

/** The questionnaire of the guide's "Parcours d'aide au choix", in its order and words. */
export const QUESTIONNAIRE: SeedQuestion[] = [
  {
    code: 'EXTRA_EU_LEGISLATION',
    fr: 'Soumis à une législation extra-européenne',
    en: 'Subject to extra-European legislation',
    mandatory: true,
    multiple: false,
    rule: QuestionRule.EXPOSURE,
    options: [
      {
        code: 'NOT_SUBJECT_ONLY',
        criterion: EXPOSURE.NOT_SUBJECT,
        fr: 'Recours uniquement aux CSP non soumis à une législation extra-européenne',
        en: 'Only providers not subject to extra-European legislation',
      },
      { code: 'ALL_PROVIDERS', criterion: EXPOSURE.ANY, fr: 'Recours à tous les CSP', en: 'All providers' },
      {
        code: 'ALL_EXCEPT',
        criterion: EXPOSURE.ANY_EXCEPT,
        fr: 'Recours à tous les CSP sauf les CSP cochés qui ne disposent pas de mesures supplémentaires satisfaisantes pour mon projet',
        en: 'All providers except those ticked, whose additional measures are not sufficient for my project',
      },
    ],
  },
  {
    code: 'CERTIFICATIONS',
    fr: 'Normes / certifications / qualifications',
    en: 'Standards / certifications / qualifications',
    mandatory: true,
    multiple: true,
    rule: QuestionRule.CERTIFICATION,
    options: [
      { code: 'HDS', fr: 'Hébergement Données de Santé (HDS)', en: 'Health data hosting (HDS)' },
      { code: 'ISO_27001', fr: 'ISO 27001', en: 'ISO 27001' },
      { code: 'ISO_27017', fr: 'ISO 27017', en: 'ISO 27017' },
      { code: 'ISO_27018', fr: 'ISO 27018', en: 'ISO 27018' },
      { code: 'PCI_DSS', fr: 'PCI DSS', en: 'PCI DSS' },
      { code: 'SECNUMCLOUD', fr: 'SecNumCloud', en: 'SecNumCloud' },
      { code: 'ISAE_3402', fr: 'ISAE 3402', en: 'ISAE 3402' },
      {
        code: 'ISO_50001',
        fr: "ISO 50001 (datacenters de plus d'un an d'activité)",
        en: 'ISO 50001 (datacentres in operation for over a year)',
      },
    ],
  },
  {
    code: 'COMPUTE',
    fr: 'Infrastructures de calculs',
    en: 'Compute infrastructure',
    mandatory: false,
    multiple: true,
    rule: QuestionRule.SERVICE_CATEGORY,
    options: [
      { code: 'VM_STANDARD', fr: 'VM standards', en: 'Standard VMs' },
      { code: 'SERVERLESS', fr: 'Calcul sans serveur', en: 'Serverless compute' },
      { code: 'BARE_METAL', fr: 'Serveur Bare-Metal dédié', en: 'Dedicated bare-metal server' },
      {
        code: 'VM_OPTIMIZED',
        fr: 'VM spécifiques optimisées (RAM, CPU, Network)',
        en: 'Optimised VMs (RAM, CPU, network)',
      },
    ],
  },
  {
    code: 'SUPERVISION',
    fr: 'Outils de supervision et gestion des configurations',
    en: 'Supervision and configuration management tools',
    mandatory: false,
    multiple: true,
    rule: QuestionRule.SERVICE_CATEGORY,
    options: [
      {
        code: 'MONITORING',
        fr: "Services de monitoring d'infrastructure Cloud",
        en: 'Cloud infrastructure monitoring',
      },
      {
        code: 'RESOURCE_OPTIMIZATION',
        fr: "Services de surveillance des ressources et d'optimisation",
        en: 'Resource monitoring and optimisation',
      },
      { code: 'LOGS', fr: 'Services de centralisation et analyses des logs', en: 'Log centralisation and analysis' },
      {
        code: 'CMDB',
        fr: "Services d'inventaire et gestion des configurations (CMDB)",
        en: 'Inventory and configuration management (CMDB)',
      },
    ],
  },
  {
    code: 'REMOTE_WORKSTATIONS',
    fr: 'Accès distant aux postes de travail',
    en: 'Remote access to workstations',
    mandatory: false,
    multiple: true,
    rule: QuestionRule.SERVICE_CATEGORY,
    options: [
      {
        code: 'VDI',
        fr: 'Services VDI et de virtualisation de poste de travail',
        en: 'VDI and workstation virtualisation',
      },
    ],
  },
  {
    code: 'COMPLEMENTARY_SERVICES',
    fr: 'Prestations complémentaires',
    en: 'Complementary services',
    mandatory: false,
    multiple: true,
    rule: QuestionRule.SERVICE_CATEGORY,
    options: [
      { code: 'TRAINING', fr: 'Services de formation', en: 'Training' },
      {
        code: 'PROFESSIONAL_SERVICES',
        fr: 'Services Professionnels (conseils en architecture, optimisation des ressources)',
        en: 'Professional services (architecture advice, resource optimisation)',
      },
    ],
  },
  {
    code: 'ADVANCED',
    fr: 'Services et fonctionnalités avancées',
    en: 'Advanced services and features',
    mandatory: false,
    multiple: true,
    rule: QuestionRule.SERVICE_CATEGORY,
    options: [{ code: 'MARKETPLACE', fr: "Disponibilité d'une marketplace", en: 'Marketplace available' }],
  },
];
