import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { BuyerParty, LegalParty } from '@nuage/contracts';
import type { InvoicePrint } from './billing-pdf.js';
import { vatOf } from './pricing.js';

const NS = {
  rsm: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  ram: 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  qdt: 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
  udt: 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
};
/** The EN 16931 (comfort) profile of Factur-X 1.07. */
const EN16931 = 'urn:cen.eu:en16931:2017';
/** UNTDID 1001: a commercial invoice. */
const COMMERCIAL_INVOICE = '380';

/** "2024-10-09" → "20241009" (UNTDID 2379 format 102). */
const day102 = (day: string) => day.replaceAll('-', '');
const dateTime = (parent: XMLBuilder, name: string, day: string) =>
  parent.ele(`ram:${name}`).ele('udt:DateTimeString', { format: '102' }).txt(day102(day));

/** A party's name, SIRET or SIREN (ISO 6523 scheme 0009 or 0002), and address as one line in France. */
function party(
  parent: XMLBuilder,
  name: string,
  who: { name: string; registration: string | null; address: string | null },
) {
  const element = parent.ele(`ram:${name}`);
  element.ele('ram:Name').txt(who.name);
  const digits = who.registration?.replace(/\D/g, '') ?? '';
  if (digits.length === 14 || digits.length === 9)
    element
      .ele('ram:SpecifiedLegalOrganization')
      .ele('ram:ID', { schemeID: digits.length === 14 ? '0009' : '0002' })
      .txt(digits);
  const address = element.ele('ram:PostalTradeAddress');
  if (who.address) address.ele('ram:LineOne').txt(who.address);
  address.ele('ram:CountryID').txt('FR');
}

const buyerParty = (buyer: BuyerParty | null) =>
  buyer
    ? { name: buyer.name, registration: buyer.siret, address: buyer.address }
    : { name: 'Entité bénéficiaire', registration: null, address: null };

/**
 * An invoice as UN/CEFACT Cross Industry Invoice XML, Factur-X profile EN 16931: UGAP as seller,
 * the entity as buyer (its Chorus service code as buyer reference, its EJ as the order reference),
 * the market as contract, one line per order line with its period and VAT, VAT per rate and totals.
 * It validates against the Factur-X 1.07.3 EN 16931 XSD; the Schematron business rules are not run.
 */
export async function facturX(print: InvoicePrint): Promise<string> {
  // Loaded when an invoice's XML is first asked for: the XML library was a tenth of the service's start.
  const { create } = await import('xmlbuilder2');
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(NS.rsm, 'rsm:CrossIndustryInvoice', {
    'xmlns:ram': NS.ram,
    'xmlns:qdt': NS.qdt,
    'xmlns:udt': NS.udt,
  });
  root
    .ele('rsm:ExchangedDocumentContext')
    .ele('ram:GuidelineSpecifiedDocumentContextParameter')
    .ele('ram:ID')
    .txt(EN16931);
  const document = root.ele('rsm:ExchangedDocument');
  document.ele('ram:ID').txt(print.number);
  document.ele('ram:TypeCode').txt(COMMERCIAL_INVOICE);
  dateTime(document, 'IssueDateTime', print.issueDate);
  document
    .ele('ram:IncludedNote')
    .ele('ram:Content')
    .txt(
      `Commande ${print.orderReference} · BS ${print.subscriptionNumber ?? '—'} · dossier ${print.fileNumber ?? '—'}`,
    );

  const transaction = root.ele('rsm:SupplyChainTradeTransaction');
  print.lines.forEach((line, i) => {
    const item = transaction.ele('ram:IncludedSupplyChainTradeLineItem');
    item
      .ele('ram:AssociatedDocumentLineDocument')
      .ele('ram:LineID')
      .txt(String(i + 1));
    item.ele('ram:SpecifiedTradeProduct').ele('ram:Name').txt(line.designation);
    item
      .ele('ram:SpecifiedLineTradeAgreement')
      .ele('ram:NetPriceProductTradePrice')
      .ele('ram:ChargeAmount')
      .txt(line.amountExclVat);
    item.ele('ram:SpecifiedLineTradeDelivery').ele('ram:BilledQuantity', { unitCode: 'C62' }).txt('1');
    const settlement = item.ele('ram:SpecifiedLineTradeSettlement');
    const tax = settlement.ele('ram:ApplicableTradeTax');
    tax.ele('ram:TypeCode').txt('VAT');
    tax.ele('ram:CategoryCode').txt('S');
    tax.ele('ram:RateApplicablePercent').txt(line.vatRate);
    const period = settlement.ele('ram:BillingSpecifiedPeriod');
    dateTime(period, 'StartDateTime', line.periodStart);
    dateTime(period, 'EndDateTime', line.periodEnd);
    settlement
      .ele('ram:SpecifiedTradeSettlementLineMonetarySummation')
      .ele('ram:LineTotalAmount')
      .txt(line.amountExclVat);
  });

  const agreement = transaction.ele('ram:ApplicableHeaderTradeAgreement');
  if (print.parties.buyer?.chorusServiceCode)
    agreement.ele('ram:BuyerReference').txt(print.parties.buyer.chorusServiceCode);
  const ugap: LegalParty = print.parties.market?.purchasingBody ?? { name: 'UGAP', registration: null, address: null };
  party(agreement, 'SellerTradeParty', ugap);
  party(agreement, 'BuyerTradeParty', buyerParty(print.parties.buyer));
  if (print.legalCommitmentNumber)
    agreement.ele('ram:BuyerOrderReferencedDocument').ele('ram:IssuerAssignedID').txt(print.legalCommitmentNumber);
  if (print.parties.market)
    agreement
      .ele('ram:ContractReferencedDocument')
      .ele('ram:IssuerAssignedID')
      .txt(print.parties.market.marketReference);
  transaction.ele('ram:ApplicableHeaderTradeDelivery');

  const totals = vatOf(print.lines);
  const settlement = transaction.ele('ram:ApplicableHeaderTradeSettlement');
  settlement.ele('ram:InvoiceCurrencyCode').txt('EUR');
  for (const vat of totals.vat) {
    const tax = settlement.ele('ram:ApplicableTradeTax');
    tax.ele('ram:CalculatedAmount').txt(vat.amount.toFixed(2));
    tax.ele('ram:TypeCode').txt('VAT');
    tax.ele('ram:BasisAmount').txt(vat.base.toFixed(2));
    tax.ele('ram:CategoryCode').txt('S');
    tax.ele('ram:RateApplicablePercent').txt(vat.rate.toFixed(2));
  }
  const period = settlement.ele('ram:BillingSpecifiedPeriod');
  dateTime(period, 'StartDateTime', print.periodStart);
  dateTime(period, 'EndDateTime', print.periodEnd);
  if (print.dueDate) dateTime(settlement.ele('ram:SpecifiedTradePaymentTerms'), 'DueDateDateTime', print.dueDate);
  const sums = settlement.ele('ram:SpecifiedTradeSettlementHeaderMonetarySummation');
  sums.ele('ram:LineTotalAmount').txt(totals.totalExclVat.toFixed(2));
  sums.ele('ram:TaxBasisTotalAmount').txt(totals.totalExclVat.toFixed(2));
  sums.ele('ram:TaxTotalAmount', { currencyID: 'EUR' }).txt(totals.totalVat.toFixed(2));
  sums.ele('ram:GrandTotalAmount').txt(totals.totalInclVat.toFixed(2));
  // Credit notes are documents of their own (type 381), exchanged apart: the invoice states its own total due.
  sums.ele('ram:DuePayableAmount').txt(totals.totalInclVat.toFixed(2));
  return root.end({ prettyPrint: true });
}
