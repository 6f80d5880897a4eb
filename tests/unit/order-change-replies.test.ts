import { describe, expect, it } from 'vitest';
import { loadReplies } from '../../src/agent/models/offline/replies.js';
import {
  approvalReply,
  cartApprovalReply,
  decisionReply,
  orderChangeWords,
  refusalWords,
} from '../../src/agent/order-change-reply.js';
import { doneInEnglish, refusalInEnglish, summaryInEnglish } from '../../src/orders/order-words.js';
import { LANGUAGES } from '../../src/shared/language.js';
import { lateReturn, SAMPLE_CHANGES, SAMPLE_REFUSALS } from '../fixtures/order-change-samples.js';

const [cancel, , , address, , items, ret, exchangeBack] = SAMPLE_CHANGES;
const refusal = (code: string) => SAMPLE_REFUSALS.find((r) => r.code === code)!;
/** Without the direction marks and no-break spaces Intl puts in (they show as nothing or a space). */
const plain = (text: string) => text.replace(/[\u200e\u200f]/g, '').replace(/\u00a0/g, ' ');

describe('order changes in the shopper’s language (the offline model’s replies)', () => {
  it('says every change and refusal in English exactly as the order domain records it', () => {
    const say = loadReplies('en');
    for (const d of SAMPLE_CHANGES) {
      expect(orderChangeWords(say, d, 'summary')).toBe(summaryInEnglish(d));
      expect(orderChangeWords(say, d, 'done')).toBe(doneInEnglish(d));
    }
    for (const r of SAMPLE_REFUSALS) expect(refusalWords(say, r)).toBe(refusalInEnglish(r));
  });

  it('says a cancellation and a return in Persian, with Persian digits and money', () => {
    const say = loadReplies('fa');
    expect(plain(orderChangeWords(say, cancel, 'summary'))).toBe(
      'لغو سفارش AP-1042 (دلیل: دیگر لازم نیست). بازپرداخت: €۴۵٫۰۰ به کارت Visa با شمارهٔ پایانی 4242.',
    );
    expect(plain(orderChangeWords(say, cancel, 'done'))).toBe(
      'سفارش AP-1042 لغو شد. بازپرداخت شد: €۴۵٫۰۰ به کارت Visa با شمارهٔ پایانی 4242.',
    );
    expect(plain(orderChangeWords(say, ret, 'summary'))).toBe(
      'مرجوع کردن ۲ عدد Merino Running Socks، Trail Cap از سفارش AP-1048. وقتی کالاها به دست ما برسند، €۴۵٫۰۰ به کارت هدیه بازپرداخت می‌شود.',
    );
    expect(plain(orderChangeWords(say, items, 'summary'))).toBe(
      'تغییر سفارش AP-1047: Merino Running Socks (L / Blue) به‌جای Merino Running Socks. €۵٫۰۰ بیشتر می‌پردازید که از کارت Visa با شمارهٔ پایانی 4242 برداشت می‌شود.',
    );
  });

  it('says in Persian why a change is refused, with the status, the date of its calendar and the policy', () => {
    const say = loadReplies('fa');
    expect(plain(refusalWords(say, refusal('wrong_status')))).toBe(
      'سفارش AP-1042 در وضعیت «ارسال‌شده» است و فقط سفارش‌های «در انتظار پردازش» را می‌توان لغو کرد (Orders, returns and exchanges).',
    );
    const late = plain(refusalWords(say, refusal('return_window_passed')));
    expect(late).toContain('در ۱۵ دی ۱۴۰۲ تحویل شده، یعنی بیش از ۳۰ روز پیش');
    expect(plain(refusalWords(say, refusal('item_not_in_order')))).toBe('کالای HAT-9 در سفارش AP-1042 نیست.');
    expect(plain(refusalWords(say, refusal('cancel_reason_needed')))).toBe(
      'برای لغو سفارش، یکی از این دلیل‌ها لازم است: دیگر لازم نیست، اشتباهی سفارش داده شده.',
    );
  });

  it('says them in Arabic, with the plural of days the number takes', () => {
    const say = loadReplies('ar');
    expect(plain(orderChangeWords(say, cancel, 'summary'))).toMatch(
      /^إلغاء الطلب AP-1042 \(السبب: لم أعد بحاجة إليه\)\. استرداد .*45\.00.*€ إلى بطاقة Visa المنتهية بـ 4242\.$/,
    );
    expect(plain(orderChangeWords(say, exchangeBack, 'done'))).toMatch(
      /^تم تسجيل طلب الاستبدال في الطلب AP-1049: Trail Cap \(M \/ Red\) بدلًا من Trail Cap\. سيُعاد إليك .*2\.50.*€ إلى بطاقة Visa المنتهية بـ 4242\.$/,
    );
    const late = lateReturn(3);
    expect(plain(refusalWords(say, late))).toContain('قبل أكثر من 3 أيام');
    expect(plain(refusalWords(say, refusal('return_window_passed')))).toContain('خلال 30 يومًا من التسليم');
    expect(plain(refusalWords(say, refusal('wrong_status')))).toBe(
      'حالة الطلب AP-1042 هي «تم الشحن»، ولا يمكن إلغاء إلا الطلبات التي حالتها «قيد الانتظار» (Orders, returns and exchanges).',
    );
  });

  it('says them in German, with comma decimals and the German date', () => {
    const say = loadReplies('de');
    expect(plain(orderChangeWords(say, cancel, 'summary'))).toBe(
      'Bestellung AP-1042 stornieren (Grund: nicht mehr benötigt). Erstattung von 45,00 € auf Visa mit Endziffern 4242.',
    );
    expect(plain(orderChangeWords(say, address, 'done'))).toBe(
      'Bestellung AP-1045 wird an 12 Baker Street, NW1 6XE London, GB geliefert.',
    );
    expect(plain(refusalWords(say, refusal('return_window_passed')))).toContain(
      'wurde am 05.01.2024 zugestellt, vor mehr als 30 Tagen',
    );
    expect(plain(refusalWords(say, SAMPLE_REFUSALS[1]))).toBe(
      'Bestellung AP-1042 hat den Status „Rücksendung angefragt“; ändern lassen sich nur Bestellungen mit dem Status „ausstehend oder in Bearbeitung“ (Orders, returns and exchanges).',
    );
  });

  it('says every change and refusal in every language, with no placeholder left unfilled', () => {
    for (const language of LANGUAGES) {
      const say = loadReplies(language);
      const texts = [
        ...SAMPLE_CHANGES.flatMap((d) => [orderChangeWords(say, d, 'summary'), orderChangeWords(say, d, 'done')]),
        ...SAMPLE_REFUSALS.map((r) => refusalWords(say, r)),
      ];
      for (const text of texts) expect(text, `${language}: ${text}`).not.toMatch(/[{}]|undefined/);
    }
  });

  it('tells the shopper in their language what became of a change they confirmed', () => {
    const action = { id: 'act_1', kind: 'cancel_order', summary: 'Cancel…', expiresAt: '', outcome: 'Order …' };
    const done = { ...action, status: 'done' as const, detail: cancel, refusal: null };
    expect(plain(decisionReply(done, 'fa')!)).toBe(
      'سفارش AP-1042 لغو شد. بازپرداخت شد: €۴۵٫۰۰ به کارت Visa با شمارهٔ پایانی 4242.',
    );
    expect(decisionReply({ ...action, status: 'cancelled' }, 'ar')).toBe('حسنًا، تركته كما هو: لم يتغيّر شيء.');
    expect(decisionReply({ ...action, status: 'awaiting_approval' }, 'de')).toMatch(/^Diese Änderung muss zuerst/);
    const refused = { ...action, status: 'refused' as const, refusal: refusal('wrong_status') };
    expect(decisionReply(refused, 'fa')).toContain('فقط سفارش‌های «در انتظار پردازش» را می‌توان لغو کرد');
    // A change from before changes were data: its English outcome.
    expect(decisionReply({ ...action, status: 'done' }, 'fa')).toBe('Order …');
    expect(plain(approvalReply(done, { agent: 'Sara' }, 'fa')!)).toMatch(/^Sara تأیید کرد: سفارش AP-1042 لغو شد\./);
    const rejected = { ...action, status: 'refused' as const, refusal: null };
    expect(approvalReply(rejected, { agent: 'Sara', note: 'the parcel left' }, 'en')).toBe(
      'Sara did not approve this change: the parcel left. Nothing was changed.',
    );
  });

  it('tells the shopper a person’s decision on a held cart change in the conversation’s language', () => {
    const change = { agent: 'Sara', quantity: 6, title: 'Trail Socks' };
    expect(cartApprovalReply('approve', change, 'en')).toBe('Sara approved: 6 × Trail Socks added to your cart.');
    expect(plain(cartApprovalReply('approve', change, 'fa'))).toBe(
      'Sara تأیید کرد: ۶ × Trail Socks به سبد خریدتان اضافه شد.',
    );
    expect(plain(cartApprovalReply('reject', change, 'de'))).toBe(
      'Sara konnte 6 × Trail Socks nicht freigeben. Hier hilft man Ihnen gern weiter.',
    );
    expect(cartApprovalReply('reject', change, 'ar')).toContain('لم يتمكن Sara');
  });
});
