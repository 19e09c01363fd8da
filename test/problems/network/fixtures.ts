/** The contract example of the network issue, as written there. */
export const CONTRACT = {
  problem: 'network',
  name: 'demo',
  products: ['u'],
  nodes: [
    { id: 'P1', echelon: 'plant', supply: { u: 300 }, fixedCost: 27022, capacity: 300 },
    { id: 'D1', echelon: 'depot', fixedCost: 9674, capacity: 104 },
    { id: 'C1', echelon: 'customer', demand: { u: 11 } },
  ],
  arcs: [
    { from: 'P1', to: 'D1', unitCost: 43 },
    { from: 'D1', to: 'C1', unitCost: { u: 60 } },
  ],
};
