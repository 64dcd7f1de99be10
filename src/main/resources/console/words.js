// Reason codes and flags in words a follower reads.
const REASONS = {
  PARTIAL_FILL_NOT_COPIED: 'The expert\'s order was only partly filled and then cancelled; such orders are not copied.',
  BELOW_MIN_QTY: 'The copy would have been smaller than the instrument\'s minimum quantity.',
  MAX_MARGIN_PER_ORDER: 'Your maximum margin per order limited this copy.',
  MAX_MARGIN_PER_PAIR: 'Your maximum margin for this pair is already used.',
  MAX_POSITION_VALUE: 'Your maximum total position value would have been exceeded.',
  INSUFFICIENT_BALANCE: 'Not enough available balance for the margin and the fee.',
  EXPERT_EQUITY_UNKNOWN: 'The expert\'s equity is unknown, so a smart-ratio copy could not be sized.',
  SLIPPAGE_EXCEEDED: 'The market had moved away from the expert\'s price by more than your slippage limit.',
  PAIR_NOT_FOLLOWED: 'You do not follow this pair.',
  EXPERT_FREQUENCY_LIMIT: 'The expert opened again within the minimum interval between openings.',
  TOKEN_LIMIT: 'The platform\'s total following limit for this expert and pair is reached.',
  NOT_ACTIVE: 'The following is not active (stopping, interrupted or stopped): no new opens.',
  PAUSED: 'You paused this following: no new opens.',
  LOSS_LIMIT: 'Your loss limit for the period is reached: no new opens until it ends.',
  SIGNAL_EXPIRED: 'The expert\'s order arrived too late to be copied safely.',
  MANUAL_CLOSE: 'You closed the position.',
  STOP_FOLLOWING: 'You stopped following.',
  STOP_LOSS: 'Your stop loss closed the position.',
  TAKE_PROFIT: 'Your take profit closed the position.',
  GUARDIAN_NET_LOSS: 'The Net Value Guardian stopped the following: net loss limit reached.',
  GUARDIAN_NET_VALUE: 'The Net Value Guardian stopped the following: equity below your minimum.',
  GUARDIAN_DRAWDOWN: 'The drawdown guard stopped the following.',
  LIQUIDATION: 'The position was liquidated.',
  NO_RULE_DECIDED: 'No rule decided this copy (a defect in the rule set; the desk is told).',
};

export function reasonInWords(code) {
  return REASONS[code] || code || '';
}

const FLAGS = {
  NEWBIE: 'fewer than 30 trading days',
  UNPROVEN: 'fewer than 60 trading days',
  DEEP_DRAWDOWN: 'deep drawdown',
  FREEFALL: 'steady climb, then a sudden large drop',
  ROUNDED_TOP: 'strong early gains, flat or falling lately',
  HEART_MONITOR: 'large swings both ways',
  FOLLOWERS_LOSING: 'followers lose while the expert wins',
  NOT_PROFITABLE: 'not profitable',
};

export function flagInWords(code) {
  return FLAGS[code] || code;
}

/** "name 1.5 vs limit 2" style list of the values a rule compared. */
export function comparedValues(explanation) {
  return Object.entries(explanation || {}).map(([k, v]) => `${k} = ${v}`).join(', ');
}
