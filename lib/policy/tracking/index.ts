export { APPROVED_CARRIERS, CARRIERS, type Carrier, buildTrackingUrl, isApprovedCarrier, normaliseCarrierName } from "./carriers";
export { TRACKING_FORMATS, type TrackingFormat, matchAllFormats, matchFormat, normaliseTrackingNumber, verifyChecksum } from "./formats";
export { type TrackingResult, type TrackingStatus, carrierOfMatch, validateTracking } from "./validate";
