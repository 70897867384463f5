/**
 * `citizen` `contact.phoneNumber`: the phone number WeChat has for the caller, fetched only when the person taps
 * the getPhoneNumber button of a form (the phone is typed, or filled this way; docs/privacy-guide.md). zod/mini: the mini-program
 * may bundle it.
 */
import * as z from 'zod/mini';
import { declareAction } from './declare';

/** The one-time code from `e.detail.code`; WeChat's are 64 hex characters, the bound only stops abuse. */
export const contactPhoneNumberInput = z.strictObject({
  code: z.string().check(z.minLength(1, '缺少手机号获取凭证'), z.maxLength(256, '手机号获取凭证不正确')),
});
export type ContactPhoneNumberInput = z.infer<typeof contactPhoneNumberInput>;

export interface ContactPhoneNumber {
  /** A mainland mobile number without country code, e.g. 13812345678. */
  purePhoneNumber: string;
}

/** WeChat's phone-number quick fill for the complaint form: the caller's own number, on their tap. */
export const contactPhoneNumber = declareAction<ContactPhoneNumber>()({
  fn: 'citizen',
  name: 'contact.phoneNumber',
  access: 'citizen',
  input: contactPhoneNumberInput,
});
