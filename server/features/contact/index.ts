/** Contact details a citizen may fill from WeChat instead of typing them (docs/privacy-guide.md). */
import { contactPhoneNumber } from './phone-number';

export { PHONE_NUMBER_LIMIT } from './phone-number';

export const contactCitizenActions = {
  'contact.phoneNumber': contactPhoneNumber,
};
